using System.Text.Json;
using Crm.Bpm.Engine.Runtime;
using Crm.Bpm.Engine.Runtime.Clock;
using Crm.Bpm.Engine.Runtime.History;
using Crm.Bpm.Engine.Runtime.Instances;
using Crm.Bpm.Engine.Runtime.Store;
using Crm.Bpm.Engine.Runtime.UserTasks;

namespace Crm.Bpm.Persistence.Tests.Engine;

public sealed partial class StoreContractTests
{
    [Theory]
    [MemberData(nameof(Providers))]
    public void TaskQuery_FindsTheSameTasksInTheSameOrder_AsTheInMemoryStore(string provider)
    {
        var database = databases.Fresh(provider);
        var clock = new ManualClock(Start);
        var onDatabase = Deployed(database, clock);
        var inMemory = new ProcessEngine(new InMemoryProcessStore(), clock, new EngineOptions { RecordEvents = false });
        inMemory.DeployFile(Path.Combine(Fixtures, "store.bpmn"));
        string[] people = ["ann", "bob", "cid"];
        string[] teams = ["sales", "support", "ops"];
        for (var i = 0; i < 60; i++)
        {
            var withDue = i % 3 != 0;
            var variables = Vars(
                ("assignee", i % 4 == 0 ? people[i % 3] : null),
                ("users", new List<string> { people[(i + 1) % 3], people[(i + 2) % 3] }.Take(i % 3).ToList()),
                ("groups", new List<string> { teams[i % 3] }),
                ("due", withDue ? (Start + TimeSpan.FromHours(i % 7)).ToString("O", System.Globalization.CultureInfo.InvariantCulture) : null));
            foreach (var engine in new[] { onDatabase, inMemory })
            {
                engine.StartInstance(withDue ? "assigned-due" : "assigned", variables).Succeeded.Should().BeTrue();
            }
        }

        UserTaskQuery[] queries =
        [
            new() { User = "ann", PageSize = 500 },
            new() { User = "bob", Groups = ["ops"], PageSize = 500 },
            new() { Groups = ["sales", "support"], PageSize = 500 },
            new() { PageSize = 500 },
            new() { User = "nobody", PageSize = 500 },
        ];
        foreach (var query in queries)
        {
            var expected = inMemory.QueryUserTasks(query).Select(t => t.Key).ToList();

            onDatabase.QueryUserTasks(query).Select(t => t.Key).Should().Equal(expected, "the query {0} must match", query);
            Pages(onDatabase, query with { PageSize = 7 }).Should().Equal(expected, "paging through {0} must give every task once, in order", query);
        }

        onDatabase.QueryUserTasks(new UserTaskQuery { User = "ann", PageSize = 500 }).Should().NotBeEmpty()
            .And.OnlyContain(t => t.Assignee == "ann" || t.CandidateUsers.Contains("ann"));
    }

    private static List<long> Pages(ProcessEngine engine, UserTaskQuery query)
    {
        var keys = new List<long>();
        while (true)
        {
            var page = engine.QueryUserTasks(query);
            keys.AddRange(page.Select(t => t.Key));
            if (page.Count < query.PageSize)
            {
                return keys;
            }

            query = query with { AfterDueDate = page[^1].DueDate, AfterKey = page[^1].Key };
        }
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public void UserTask_RoundTripsEveryField(string provider)
    {
        var database = databases.Fresh(provider);
        var clock = new ManualClock(Start);
        var engine = Deployed(database, clock);
        var due = Start + TimeSpan.FromDays(2);

        var key = engine.StartInstance("assigned-due", Vars(("assignee", "ann"), ("users", new List<string> { "bob", "cid" }), ("groups", new List<string> { "sales" }), ("due", due.ToString("O", System.Globalization.CultureInfo.InvariantCulture)), ("note", JsonDocument.Parse("""{"a":[1,2.5,"x"]}""").RootElement))).ProcessInstanceKey;
        var task = engine.GetUserTasks(key).Single();

        task.Assignee.Should().Be("ann");
        task.CandidateUsers.Should().Equal("bob", "cid");
        task.CandidateGroups.Should().Equal("sales");
        task.DueDate.Should().Be(due);
        task.Variables["note"].GetRawText().Should().Be("""{"a":[1,2.5,"x"]}""");
        engine.GetVariables(key)["note"].GetRawText().Should().Be("""{"a":[1,2.5,"x"]}""");
    }

    public static TheoryData<string, HistoryLevel> ProvidersAndLevels()
    {
        var data = new TheoryData<string, HistoryLevel>();
        foreach (var provider in StoreDatabases.Providers())
        {
            foreach (var level in Enum.GetValues<HistoryLevel>())
            {
                data.Add(provider, level);
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(ProvidersAndLevels))]
    public void History_IsPersistedAsTheLevelSays_AndMatchesTheInMemoryStore(string provider, HistoryLevel level)
    {
        var database = databases.Fresh(provider);
        var clock = new ManualClock(Start);
        var options = new EngineOptions { RecordEvents = false, HistoryLevel = level };
        var onDatabase = Deployed(database, clock, options);
        var inMemory = new ProcessEngine(new InMemoryProcessStore(), clock, options);
        inMemory.DeployFile(Path.Combine(Fixtures, "store.bpmn"));
        foreach (var engine in new[] { onDatabase, inMemory })
        {
            var key = engine.StartInstance("two-tasks", Vars(("amount", 5))).ProcessInstanceKey;
            foreach (var task in engine.GetUserTasks(key))
            {
                engine.CompleteUserTask(task.Key, Vars(("amount", 6))).Succeeded.Should().BeTrue();
            }

            var job = engine.StartInstance("job").ProcessInstanceKey;
            engine.FailJob(engine.GetJobs(job).Single().Key, 0, "broken").Succeeded.Should().BeTrue();
        }

        var query = new HistoryQuery { PageSize = 1000 };
        var stored = onDatabase.History!.QueryHistory(query);

        stored.Should().Equal(inMemory.History!.QueryHistory(query));
        var kinds = stored.Select(e => e.Kind).ToHashSet();
        switch (level)
        {
            case HistoryLevel.None:
                kinds.Should().BeEmpty();
                break;
            case HistoryLevel.Activity:
                kinds.Should().Contain([HistoryEventKind.InstanceCompleted, HistoryEventKind.UserTaskCompleted, HistoryEventKind.IncidentCreated]).And.NotContain(HistoryEventKind.VariableUpdated);
                break;
            default:
                kinds.Should().Contain([HistoryEventKind.VariableUpdated, HistoryEventKind.JobFailed]);
                break;
        }

        var page = onDatabase.History.QueryHistory(new HistoryQuery { Kind = HistoryEventKind.ElementCompleted, BpmnProcessId = "two-tasks", PageSize = 2 });
        page.Should().HaveCount(level == HistoryLevel.None ? 0 : 2);
        page.Where(e => e.Kind != HistoryEventKind.ElementCompleted || e.BpmnProcessId != "two-tasks").Should().BeEmpty();
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public void DeleteHistory_RemovesOnlyTheHistoryOfInstancesEndedBeforeTheCutOff(string provider)
    {
        var database = databases.Fresh(provider);
        var clock = new ManualClock(Start);
        var engine = Deployed(database, clock, new EngineOptions { RecordEvents = false, HistoryLevel = HistoryLevel.Full });
        var old = engine.StartInstance("straight").ProcessInstanceKey;
        clock.Advance(TimeSpan.FromDays(10));
        var running = engine.StartInstance("two-tasks").ProcessInstanceKey;
        var recent = engine.StartInstance("straight").ProcessInstanceKey;
        var before = engine.History!.QueryHistory(new HistoryQuery { PageSize = 1000 });

        var deleted = engine.History.DeleteHistory(Start + TimeSpan.FromDays(5));
        var after = engine.History.QueryHistory(new HistoryQuery { PageSize = 1000 });

        deleted.Should().Be(before.Count(e => e.ProcessInstanceKey == old)).And.BeGreaterThan(0);
        after.Select(e => e.ProcessInstanceKey).Distinct().Should().BeEquivalentTo([running, recent]);
        engine.History.DeleteHistory(Start + TimeSpan.FromDays(5)).Should().Be(0);
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public void DeleteHistory_FindsEndedInstancesThroughThePartialIndexOfEndEvents(string provider)
    {
        var database = databases.Fresh(provider);
        using var connection = database.Dialect.CreateConnection(database.ConnectionString);
        connection.Open();
        using var command = connection.CreateCommand();
        var parameter = command.CreateParameter();
        parameter.ParameterName = "p0";
        parameter.Value = Start.UtcTicks;
        command.Parameters.Add(parameter);
        // PostgreSQL: with sequential scans priced out the planner takes the partial index whenever the query's
        // condition implies the index's; SQLite takes a usable index by itself.
        command.CommandText = (provider == "Sqlite" ? "EXPLAIN QUERY PLAN " : "SET enable_seqscan = off; EXPLAIN ")
            + Crm.Bpm.Persistence.Engine.EfProcessStore.HistoryTimeToLiveSql;
        var plan = new List<string>();
        using (var reader = command.ExecuteReader())
        {
            do
            {
                while (reader.Read())
                {
                    plan.Add(Convert.ToString(reader.GetValue(reader.FieldCount - 1), System.Globalization.CultureInfo.InvariantCulture)!);
                }
            }
            while (reader.NextResult());
        }

        string.Join("\n", plan).Should().Contain("ix_bpm_history_ended");
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public void DeployingTheSameFileOnTwoEngines_MakesNoNewVersion_AndAChangeMakesOneBothSee(string provider)
    {
        var database = databases.Fresh(provider);
        var clock = new ManualClock(Start);
        var first = Engine(database, clock);
        var second = Engine(database, clock);

        var one = first.DeployFile(Path.Combine(Fixtures, "store.bpmn")).Processes.Single(p => p.BpmnProcessId == "straight");
        var again = second.DeployFile(Path.Combine(Fixtures, "store.bpmn")).Processes.Single(p => p.BpmnProcessId == "straight");
        var changed = second.DeployFile(Path.Combine(Fixtures, "straight-changed.bpmn")).Processes.Single();

        again.Should().Match<Crm.Bpm.Engine.Runtime.Deployment.DeployedProcess>(p => p.Key == one.Key && p.Version == 1 && !p.IsNewVersion);
        changed.Version.Should().Be(2);
        changed.IsNewVersion.Should().BeTrue();
        first.GetProcess("straight")!.Version.Should().Be(2);
        var started = first.StartInstance("straight");
        started.Instance!.Definition.Key.Should().Be(changed.Key);
        started.Instance.State.Should().Be(ProcessInstanceState.Completed);
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public void Keys_ReservedByManyStoresAtOnce_NeverOverlap(string provider)
    {
        var database = databases.Fresh(provider);
        var firsts = new System.Collections.Concurrent.ConcurrentBag<long>();
        Parallel.For(0, 4, _ =>
        {
            using var store = database.CreateStore();
            for (var i = 0; i < 25; i++)
            {
                firsts.Add(store.ReserveKeys(10));
            }
        });

        var blocks = firsts.Order().ToList();
        blocks.Should().HaveCount(100).And.OnlyHaveUniqueItems();
        blocks.Zip(blocks.Skip(1)).Should().OnlyContain(pair => pair.Second - pair.First >= 10);
        blocks[0].Should().Be(1);
    }
}
