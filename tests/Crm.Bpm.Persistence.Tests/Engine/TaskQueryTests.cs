using Crm.Bpm.Engine.Runtime.Store;
using Crm.Bpm.Engine.Runtime.UserTasks;
using Crm.Bpm.Persistence.Engine;

namespace Crm.Bpm.Persistence.Tests.Engine;

/// <summary>The task query on real databases against the in-memory store's (UserTaskOrder), on seeded random tasks that are created, reassigned, given new due dates and completed.</summary>
public sealed class TaskQueryTests(StoreDatabases databases) : IClassFixture<StoreDatabases>
{
    private static readonly DateTimeOffset Start = new(2026, 3, 2, 8, 0, 0, TimeSpan.Zero);
    private static readonly string[] People = ["ann", "bob", "cid", "dee", "eve"];
    private static readonly string[] Teams = ["sales", "support", "ops", "legal"];

    public static TheoryData<string> Providers() => StoreDatabases.Providers();

    [Theory]
    [MemberData(nameof(Providers))]
    public void TaskQuery_EqualsTheInMemoryStore_OnRandomTasksThatChange(string provider)
    {
        foreach (var seed in new[] { 1, 2, 3 })
        {
            var database = databases.Fresh(provider);
            using var store = database.CreateStore();
            var twin = new TwinStores(store);
            var random = new Random(seed);
            var next = 1000L;
            for (var i = 0; i < 120; i++)
            {
                twin.Put(RandomTask(random, next++));
            }

            twin.ShouldAnswerAlike(Queries(), $"seed {seed}, after creating");
            for (var round = 0; round < 3; round++)
            {
                foreach (var key in twin.Keys.Where(_ => random.Next(4) == 0).ToList())
                {
                    var task = twin.Find(key);
                    switch (random.Next(4))
                    {
                        case 0:
                            // Reassigned (or unassigned): the old assignee no longer sees it unless a candidate.
                            twin.Put(task with { Assignee = random.Next(3) == 0 ? null : Pick(random, People) });
                            break;
                        case 1:
                            twin.Put(task with { DueDate = RandomDue(random) });
                            break;
                        case 2:
                            twin.Complete(key);
                            break;
                        default:
                            twin.Put(task with { CandidateGroups = [Pick(random, Teams)], CandidateUsers = [] });
                            break;
                    }
                }

                for (var i = 0; i < 20; i++)
                {
                    twin.Put(RandomTask(random, next++));
                }

                twin.ShouldAnswerAlike(Queries(), $"seed {seed}, round {round}");
            }
        }
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public void TaskQuery_ShowsATaskOnce_WhenTheUserIsAssigneeCandidateAndInACandidateGroup(string provider)
    {
        using var store = databases.Fresh(provider).CreateStore();
        var twin = new TwinStores(store);
        twin.Put(Task(1, assignee: "ann", users: ["ann", "ann"], groups: ["sales", "sales"], due: Start.AddDays(1)));
        twin.Put(Task(2, assignee: null, users: ["bob"], groups: ["ops"], due: null));

        var page = store.QueryUserTasks(new UserTaskQuery { User = "ann", Groups = ["sales", "ops", "sales"] });

        page.Select(t => t.Key).Should().Equal(1, 2);
        twin.ShouldAnswerAlike(Queries(), "a task named by several branches");
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public void TaskQuery_FollowsReassignmentDueDateChangeAndCompletion(string provider)
    {
        using var store = databases.Fresh(provider).CreateStore();
        var twin = new TwinStores(store);
        twin.Put(Task(1, assignee: "ann", users: [], groups: [], due: Start.AddDays(3)));
        twin.Put(Task(2, assignee: "ann", users: [], groups: [], due: null));
        twin.Put(Task(3, assignee: null, users: ["ann"], groups: [], due: Start.AddDays(2)));
        var ann = new UserTaskQuery { User = "ann" };
        Keys(store, ann).Should().Equal(3, 1, 2);

        twin.Put(twin.Find(2) with { DueDate = Start.AddDays(1) });
        Keys(store, ann).Should().Equal(new long[] { 2, 3, 1 }, "task 2 got a due date before the others");

        twin.Put(twin.Find(1) with { Assignee = "bob" });
        Keys(store, ann).Should().Equal(2, 3);
        Keys(store, new UserTaskQuery { User = "bob" }).Should().Equal(1);

        twin.Put(twin.Find(3) with { DueDate = null });
        Keys(store, ann).Should().Equal(new long[] { 2, 3 }, "a task without a due date comes last");

        twin.Complete(2);
        Keys(store, ann).Should().Equal(3);
        twin.ShouldAnswerAlike(Queries(), "after the changes");
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public void TaskQuery_PagesThroughTasksWithAndWithoutDueDate_WithoutLosingOrRepeatingOne(string provider)
    {
        using var store = databases.Fresh(provider).CreateStore();
        var twin = new TwinStores(store);
        for (var key = 1; key <= 40; key++)
        {
            // Many equal due dates (ties broken by key), a third without one, and due dates given in other offsets.
            var due = key % 3 == 0 ? (DateTimeOffset?)null : Start.AddHours(key % 4).ToOffset(TimeSpan.FromHours(key % 5 - 2));
            twin.Put(Task(key, assignee: key % 2 == 0 ? "ann" : null, users: key % 5 == 0 ? ["ann"] : [], groups: [Teams[key % 2]], due: due));
        }

        var query = new UserTaskQuery { User = "ann", Groups = [Teams[1]] };
        var all = Keys(store, query with { PageSize = 1000 });
        all.Should().HaveCount(40, "every task is ann's, offered to her or to support");
        foreach (var size in new[] { 1, 2, 5, 50 })
        {
            TwinStores.Pages(store, query with { PageSize = size }).Should().Equal(all, "pages of {0}", size);
        }

        twin.ShouldAnswerAlike(Queries(), "ties and tasks without a due date");
    }

    private static List<long> Keys(EfProcessStore store, UserTaskQuery query) => [.. store.QueryUserTasks(query).Select(t => t.Key)];

    private static UserTaskQuery[] Queries() =>
    [
        new() { User = "ann" },
        new() { User = "bob", PageSize = 7 },
        new() { Groups = ["sales"], PageSize = 5 },
        new() { Groups = ["support", "ops"] },
        new() { User = "cid", Groups = ["legal", "sales"], PageSize = 3 },
        new() { User = "dee", Groups = ["ops", "ops"], PageSize = 11 },
        new() { User = "nobody", Groups = ["nowhere"] },
        new() { PageSize = 9 },
        new() { User = "eve", ProcessInstanceKey = 7, PageSize = 4 },
        new() { ProcessInstanceKey = 3, PageSize = 2 },
    ];

    private static UserTaskRecord RandomTask(Random random, long key) =>
        Task(
            key,
            assignee: random.Next(3) == 0 ? Pick(random, People) : null,
            users: [.. Enumerable.Range(0, random.Next(3)).Select(_ => Pick(random, People))],
            groups: [.. Enumerable.Range(0, random.Next(3)).Select(_ => Pick(random, Teams))],
            due: RandomDue(random),
            instance: random.Next(10));

    private static DateTimeOffset? RandomDue(Random random) =>
        random.Next(4) == 0 ? null : Start.AddHours(random.Next(12)).ToOffset(TimeSpan.FromHours(random.Next(-3, 4)));

    private static string Pick(Random random, string[] names) => names[random.Next(names.Length)];

    private static UserTaskRecord Task(long key, string? assignee, string[] users, string[] groups, DateTimeOffset? due, long instance = 1) => new()
    {
        Key = key,
        ProcessInstanceKey = instance,
        ElementInstanceKey = key + 100_000,
        ElementId = "work",
        BpmnProcessId = "tasks",
        ProcessDefinitionKey = 1,
        Name = "Work " + key,
        Assignee = assignee,
        CandidateUsers = users,
        CandidateGroups = groups,
        DueDate = due,
        CreatedAt = Start,
    };

    /// <summary>The database store and an in-memory store given the same changes, as the engine gives them (each task read before it changes).</summary>
    private sealed class TwinStores(EfProcessStore database)
    {
        private readonly InMemoryProcessStore _memory = new();

        public IEnumerable<long> Keys => _memory.UserTasks().Select(t => t.Key).Order();

        public UserTaskRecord Find(long key) => _memory.FindUserTask(key)!;

        public void Put(UserTaskRecord task) => Commit(task.Key, changes => changes.UserTasks.Put(task));

        public void Complete(long key) => Commit(key, changes => changes.UserTasks.Delete(key));

        private void Commit(long key, Action<StoreChanges> change)
        {
            foreach (var store in new IProcessStore[] { database, _memory })
            {
                store.FindUserTask(key);
                var changes = new StoreChanges();
                change(changes);
                store.Commit(changes);
            }
        }

        public void ShouldAnswerAlike(IEnumerable<UserTaskQuery> queries, string when)
        {
            foreach (var query in queries)
            {
                var expected = Pages(_memory, query);
                Pages(database, query).Should().Equal(expected, "paging through {0} ({1}) must give the in-memory store's tasks in its order", query, when);
                database.QueryUserTasks(query with { PageSize = 1000 }).Select(t => t.Key).Should().Equal(expected, "the whole list of {0} ({1})", query, when);
            }
        }

        public static List<long> Pages(IProcessStore store, UserTaskQuery query)
        {
            var keys = new List<long>();
            for (var pages = 0; pages < 1000; pages++)
            {
                var page = store.QueryUserTasks(query);
                page.Where(t => !UserTaskOrder.IsAfter(t, query)).Should().BeEmpty("a page starts after the previous one");
                keys.AddRange(page.Select(t => t.Key));
                if (page.Count < query.PageSize)
                {
                    return keys;
                }

                query = query with { AfterDueDate = page[^1].DueDate, AfterKey = page[^1].Key };
            }

            throw new InvalidOperationException("The pages never end.");
        }
    }
}
