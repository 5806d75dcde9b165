using Crm.Bpm.Engine.Hosting;
using Crm.Bpm.Engine.Runtime;
using Crm.Bpm.Engine.Runtime.Clock;
using Crm.Bpm.Engine.Runtime.Instances;
using Crm.Bpm.Engine.Runtime.Store;
using Crm.Bpm.Testing;
using Microsoft.Extensions.Hosting;

namespace Crm.Bpm.Engine.Tests.Hosting;

/// <summary>An engine over an in-memory store and a manual clock with executor.bpmn deployed, and the hosted services a test starts on it (stopped on dispose).</summary>
internal sealed class HostingHarness : IAsyncDisposable
{
    public static readonly string Fixture = Path.Combine(SharedData.RepositoryRoot, "tests", "Crm.Bpm.Engine.Tests", "Hosting", "executor.bpmn");

    private readonly List<BackgroundService> _services = [];

    public HostingHarness(IProcessStore? store = null)
    {
        Engine = new ProcessEngine(store ?? new InMemoryProcessStore(), Clock);
        var deployed = Engine.DeployFile(Fixture);
        deployed.Succeeded.Should().BeTrue(string.Join("; ", deployed.Diagnostics));
    }

    public ManualClock Clock { get; } = new();

    public ProcessEngine Engine { get; }

    public LocalCommitSignal Signal { get; } = new();

    public static JobExecutorOptions ExecutorOptions(string nodeId) => new()
    {
        NodeId = nodeId,
        PollInterval = TimeSpan.FromMilliseconds(20),
        InitialRetryBackoff = TimeSpan.FromSeconds(10),
        LockTimeout = TimeSpan.FromSeconds(30),
    };

    public async Task<JobExecutor> StartExecutor(JobHandlerRegistry handlers, JobExecutorOptions? options = null)
    {
        var executor = new JobExecutor(Engine, handlers, options ?? ExecutorOptions("node-a"), Signal);
        _services.Add(executor);
        await executor.StartAsync(CancellationToken.None);
        return executor;
    }

    public static TimerSchedulerOptions SchedulerOptions(string nodeId) => new() { NodeId = nodeId, PollInterval = TimeSpan.FromMilliseconds(20) };

    public async Task<TimerScheduler> StartScheduler(string nodeId = "node-a", TimerSchedulerOptions? options = null)
    {
        var scheduler = new TimerScheduler(Engine, options ?? SchedulerOptions(nodeId), Signal);
        _services.Add(scheduler);
        await scheduler.StartAsync(CancellationToken.None);
        return scheduler;
    }

    public long Start(string processId)
    {
        var result = Engine.StartInstance(processId);
        result.Succeeded.Should().BeTrue(result.Error?.ToString());
        Signal.Observe(result);
        return result.ProcessInstanceKey;
    }

    public ProcessInstanceState State(long instanceKey) => Engine.GetInstance(instanceKey)!.State;

    public async ValueTask DisposeAsync()
    {
        foreach (var service in _services)
        {
            await service.StopAsync(CancellationToken.None);
            service.Dispose();
        }
    }
}
