using System.Collections.Concurrent;
using Crm.Bpm.Engine.Hosting;
using Crm.Bpm.Engine.Runtime.Instances;
using Crm.Bpm.Engine.Runtime.Store;
using Crm.Bpm.Engine.Tests.Runtime;

namespace Crm.Bpm.Engine.Tests.Hosting;

/// <summary>The executor leaves the thread a handler finished on before it touches the store: that thread may be the socket engine's (inline socket completions), where a synchronous database call would wait for itself.</summary>
public sealed class HandlerThreadTests
{
    [Fact]
    public async Task JobResult_IsCommittedOnAnotherThread_ThanTheOneThatCompletedTheHandler()
    {
        var store = new ThreadRecordingStore(new InMemoryProcessStore());
        await using var harness = new HostingHarness(store);
        var completer = 0;
        await harness.StartExecutor(new JobHandlerRegistry().Add("charge", (_, _) =>
        {
            // Completed from a thread of its own with synchronous continuations, as a socket completion would be.
            var result = new TaskCompletionSource<JobOutcome>();
            var thread = new Thread(() =>
            {
                Volatile.Write(ref completer, Environment.CurrentManagedThreadId);
                result.SetResult(JobOutcome.Complete(new Dictionary<string, object?> { ["paid"] = true }));
            });
            thread.Start();
            return result.Task;
        }));

        var instance = harness.Start("charge");

        await Eventually.Until(() => harness.State(instance) == ProcessInstanceState.Completed, "the instance completes");
        var completerThread = Volatile.Read(ref completer);
        completerThread.Should().NotBe(0);
        store.CommitThreads.Should().NotContain(completerThread, "the job's completion must not run on the thread that completed the handler's task");
    }

    /// <summary>Records the thread of every commit.</summary>
    private sealed class ThreadRecordingStore(InMemoryProcessStore inner) : ForwardingProcessStore(inner)
    {
        public ConcurrentBag<int> CommitThreads { get; } = [];

        public override void Commit(StoreChanges changes)
        {
            CommitThreads.Add(Environment.CurrentManagedThreadId);
            base.Commit(changes);
        }

        public override void CommitBatch(IReadOnlyList<StoreChanges> batch)
        {
            CommitThreads.Add(Environment.CurrentManagedThreadId);
            base.CommitBatch(batch);
        }
    }
}
