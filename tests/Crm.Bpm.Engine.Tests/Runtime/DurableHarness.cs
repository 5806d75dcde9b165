using Crm.Bpm.Engine.Runtime;
using Crm.Bpm.Engine.Runtime.Clock;
using Crm.Bpm.Engine.Runtime.Store;

namespace Crm.Bpm.Engine.Tests.Runtime;

/// <summary>An engine over an in-memory store with a manual clock starting on Saturday 2025-03-01 08:20 UTC, with fixtures deployed.</summary>
internal sealed class DurableHarness
{
    public static readonly DateTimeOffset T0 = new(2025, 3, 1, 8, 20, 0, TimeSpan.Zero);

    public DurableHarness(params string[] fixtures)
    {
        Engine = new ProcessEngine(Store, Clock);
        foreach (var fixture in fixtures)
        {
            Deploy(fixture).Succeeded.Should().BeTrue(fixture);
        }
    }

    public InMemoryProcessStore Store { get; } = new();

    public ManualClock Clock { get; } = new(T0);

    public ProcessEngine Engine { get; }

    public Crm.Bpm.Engine.Runtime.Deployment.DeployResult Deploy(string fixture) =>
        Engine.DeployFile(Path.Combine(RuntimeHarness.FixturesFolder, fixture));

    public long Start(string processId, string variables)
    {
        var result = Engine.StartInstance(processId, RuntimeHarness.Vars(variables));
        result.Succeeded.Should().BeTrue(result.Error?.ToString());
        return result.ProcessInstanceKey;
    }
}
