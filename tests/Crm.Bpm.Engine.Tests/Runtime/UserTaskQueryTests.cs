using Crm.Bpm.Engine.Runtime.UserTasks;

namespace Crm.Bpm.Engine.Tests.Runtime;

/// <summary>A person's task list: tasks assigned to them or offered to them or their groups, by due date with undated tasks last, paged by keyset.</summary>
public sealed class UserTaskQueryTests
{
    private static (DurableHarness H, long Early, long Late, long Undated) ThreeTasks()
    {
        var h = new DurableHarness("user-task.bpmn", "durable.bpmn");
        // The undated task is created first, so ordering by due date differs from ordering by key.
        var undated = h.Start("order", """{"owner": "ann"}""");
        var early = h.Start("user-task", """{"owner": "carl", "manager": "max", "vip": true}""");
        h.Clock.Advance(TimeSpan.FromHours(1));
        var late = h.Start("user-task", """{"owner": "bob", "manager": "mia", "vip": true}""");
        return (h, Task(h, early), Task(h, late), Task(h, undated));
    }

    private static long Task(DurableHarness h, long instanceKey) => h.Engine.GetUserTasks(instanceKey).Single().Key;

    private static IEnumerable<long> Keys(DurableHarness h, UserTaskQuery query) => h.Engine.QueryUserTasks(query).Select(t => t.Key);

    [Fact]
    public void Query_FindsAssignedAndCandidateTasks_DueFirst_UndatedLast()
    {
        var (h, early, late, undated) = ThreeTasks();

        Keys(h, new UserTaskQuery { User = "ann" }).Should().Equal([early, late, undated], "ann is a candidate of both dated tasks and the assignee of the undated one");
        Keys(h, new UserTaskQuery { User = "mia" }).Should().Equal(late);
        Keys(h, new UserTaskQuery { User = "carl" }).Should().Equal(early);
        Keys(h, new UserTaskQuery { User = "zed", Groups = ["support"] }).Should().Equal(early, late);
        Keys(h, new UserTaskQuery { Groups = ["sales"] }).Should().Equal(early, late, undated);
        Keys(h, new UserTaskQuery { User = "zed", Groups = ["finance"] }).Should().BeEmpty();
        Keys(h, new UserTaskQuery { User = "ann", ProcessInstanceKey = h.Engine.GetUserTasks().Single(t => t.Key == late).ProcessInstanceKey }).Should().Equal(late);
    }

    [Fact]
    public void Query_PagesByDueDateAndKey_WithoutGapsOrRepeats()
    {
        var (h, early, late, undated) = ThreeTasks();
        var more = h.Start("order", """{"owner": "ann"}""");
        var pages = new List<long>();
        var query = new UserTaskQuery { User = "ann", PageSize = 1 };

        while (h.Engine.QueryUserTasks(query) is { Count: > 0 } page)
        {
            page.Should().HaveCount(1);
            pages.Add(page[0].Key);
            query = query with { AfterDueDate = page[0].DueDate, AfterKey = page[0].Key };
        }

        pages.Should().Equal(early, late, undated, Task(h, more));
    }
}
