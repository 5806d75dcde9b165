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
        Thread? completer = null;
        await harness.StartExecutor(new JobHandlerRegistry().Add("charge", (_, _) =>
        {
            // Completed from a thread of its own with synchronous continuations, as a socket completion would be.
            var result = new TaskCompletionSource<JobOutcome>();
            var thread = new Thread(() =>
            {
                // Completed after the executor has begun to wait for it (a task already complete is continued on the
                // awaiting thread, which would let the test pass without showing anything): a socket completion comes late.
                Thread.Sleep(200);
                Volatile.Write(ref completer, Thread.CurrentThread);
                result.SetResult(JobOutcome.Complete(new Dictionary<string, object?> { ["paid"] = true }));
            });
            thread.Start();
            return result.Task;
        }));

        var instance = harness.Start("charge");

        await Eventually.Until(() => harness.State(instance) == ProcessInstanceState.Completed, "the instance completes");
        // Threads are compared as objects: a managed thread id is reused once its thread has ended.
        var completerThread = Volatile.Read(ref completer);
        completerThread.Should().NotBeNull();
        store.CommitThreads.Should().NotBeEmpty();
        store.CommitThreads.Should().NotContain(t => ReferenceEquals(t, completerThread), "the job's completion must not run on the thread that completed the handler's task");
    }

    /// <summary>Records the thread of every commit.</summary>
    private sealed class ThreadRecordingStore(InMemoryProcessStore inner) : ForwardingProcessStore(inner)
    {
        public ConcurrentBag<Thread> CommitThreads { get; } = [];

        public override void Commit(StoreChanges changes)
        {
            CommitThreads.Add(Thread.CurrentThread);
            base.Commit(changes);
        }

        public override void CommitBatch(IReadOnlyList<StoreChanges> batch)
        {
            CommitThreads.Add(Thread.CurrentThread);
            base.CommitBatch(batch);
        }
    }
}
