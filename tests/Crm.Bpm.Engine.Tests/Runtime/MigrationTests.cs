using Crm.Bpm.Engine.Runtime.Commands;

namespace Crm.Bpm.Engine.Tests.Runtime;

/// <summary>A running instance moves to another definition with its tokens, user tasks, jobs and timers, or is refused and stays as it was.</summary>
public sealed class MigrationTests
{
    [Fact]
    public void Migrate_MovesTheTokenAndItsTaskAndTimer_AndTheInstanceContinuesOnTheNewVersion()
    {
        var h = new DurableHarness("durable.bpmn");
        var key = h.Start("order", """{"owner": "ann"}""");
        h.Deploy("order-v2.bpmn").Succeeded.Should().BeTrue();
        var v2 = h.Engine.GetProcess("order")!;
        v2.Version.Should().Be(2);

        var result = h.Engine.MigrateInstance(key, v2.Key, new Dictionary<string, string> { ["Task_Review"] = "Task_Check" });

        result.Succeeded.Should().BeTrue(result.Error?.ToString());
        var instance = h.Engine.GetInstance(key)!;
        instance.Definition.Should().BeSameAs(v2);
        instance.Elements.Select(e => e.ElementId).Should().Contain("Task_Check").And.NotContain("Task_Review");
        var task = h.Engine.GetUserTasks(key).Should().ContainSingle().Subject;
        task.ElementId.Should().Be("Task_Check");
        task.ProcessDefinitionKey.Should().Be(v2.Key);
        task.Assignee.Should().Be("ann");
        var timer = h.Engine.GetTimers(key).Should().ContainSingle().Subject;
        timer.ProcessDefinitionKey.Should().Be(v2.Key);
        timer.ElementId.Should().Be("Review_Reminder");

        h.Engine.CompleteUserTask(task.Key).Succeeded.Should().BeTrue();
        h.Engine.GetUserTasks(key).Should().ContainSingle(t => t.ElementId == "Task_Approve", "the instance follows the new version's path");
        h.Engine.GetTimers(key).Should().BeEmpty("the reminder closed with its task");
    }

    [Fact]
    public void Migrate_ToADefinitionLackingTheElements_IsRefusedNamingEachOne_AndChangesNothing()
    {
        var h = new DurableHarness("durable.bpmn");
        var key = h.Start("order", """{"owner": "ann"}""");
        var before = StateOf(h, key);
        var other = h.Engine.GetProcess("cron-catch")!;

        var result = h.Engine.MigrateInstance(key, other.Key);

        result.Error!.Code.Should().Be(CommandErrorCode.InvalidArgument);
        result.Error.Message.Should().Contain("'Task_Review'").And.Contain("'Review_Reminder'");
        StateOf(h, key).Should().Be(before);
    }

    [Fact]
    public void Migrate_OntoAnElementOfAnotherKind_IsRefused()
    {
        var h = new DurableHarness("durable.bpmn");
        var key = h.Start("order", """{"owner": "ann"}""");
        h.Deploy("order-v2.bpmn").Succeeded.Should().BeTrue();
        var before = StateOf(h, key);

        var result = h.Engine.MigrateInstance(key, h.Engine.GetProcess("order")!.Key, new Dictionary<string, string> { ["Task_Review"] = "Task_Ship" });

        result.Error!.Code.Should().Be(CommandErrorCode.InvalidArgument);
        result.Error.Message.Should().Contain("'Task_Review' is a UserTask but 'Task_Ship' in the target is a ServiceTask");
        StateOf(h, key).Should().Be(before);
    }

    [Fact]
    public void Migrate_AnEndedInstance_OrToAnUnknownDefinition_IsRefused()
    {
        var h = new DurableHarness("durable.bpmn");
        var key = h.Start("order", """{"owner": "ann"}""");

        h.Engine.MigrateInstance(key, 424_242).Error!.Code.Should().Be(CommandErrorCode.NotFound);
        h.Engine.CancelInstance(key).Succeeded.Should().BeTrue();
        h.Engine.MigrateInstance(key, h.Engine.GetProcess("order")!.Key).Error!.Code.Should().Be(CommandErrorCode.InvalidState);
    }

    private static string StateOf(DurableHarness h, long key)
    {
        var instance = h.Engine.GetInstance(key)!;
        return string.Join("\n", [
            $"{instance.Definition.Key} v{instance.Version} {instance.State}",
            .. instance.Elements.Select(e => $"{e.Key} {e.ElementId} {e.State}"),
            .. h.Engine.GetUserTasks(key).Select(t => $"task {t.Key} {t.ElementId} {t.ProcessDefinitionKey}"),
            .. h.Engine.GetTimers(key).Select(t => $"timer {t.Key} {t.ElementId} {t.ProcessDefinitionKey}"),
            .. h.Engine.GetJobs(key).Select(j => $"job {j.Key} {j.ElementId}"),
        ]);
    }
}
