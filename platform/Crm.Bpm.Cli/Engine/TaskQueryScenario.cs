using System.Diagnostics;
using System.Globalization;
using System.Text.Json.Nodes;
using Crm.Bpm.Engine.Runtime.Commands;
using Crm.Bpm.Engine.Runtime.History;
using Crm.Bpm.Engine.Runtime.UserTasks;

namespace Crm.Bpm.Cli.Engine;

/// <summary><c>crm bench engine --scenario task-query</c>: N open user tasks, then the task list query "open tasks of a user or their groups, by due date, page of 50", timed one query at a time.</summary>
/// <remarks>
/// Data (seeded, the same every run): users <c>user-0</c>..., groups <c>group-0</c>... (one user per 500 tasks, one
/// group per 5,000, at most 2,000 and 200); each task has an assignee in 3 of 10 cases, one candidate user in 1 of 2,
/// two candidate groups, and a due date within 90 days in 9 of 10 cases. Each query asks for a random user and that
/// user's three groups. The tasks are created by the engine (start commands), and their rows written many commands per
/// transaction, one multi-row INSERT per table (BulkRows), without history (the task rows are the same at every history
/// level); a sample of them is read back through the store and found in the task lists before anything is timed.
/// </remarks>
internal static class TaskQueryScenario
{
    public const string Name = "task-query";

    private const int PageSize = 50;
    private const int WarmUpQueries = 50;

    public static IReadOnlyList<BenchFigure> Run(BenchRun run)
    {
        var users = Math.Clamp(run.Instances / 500, 10, 2000);
        var groups = Math.Clamp(run.Instances / 5000, 5, 200);
        BatchLoadingStore? loader = null;
        var engine = run.Store.CreateEngine(run.Options with { HistoryLevel = HistoryLevel.None }, wrap: inner => loader = run.Loader(inner));
        using var batches = loader!;
        var process = BenchModels.Deploy(engine, BenchModels.TaskList);
        var random = new Random(20261123);
        var today = new DateTimeOffset(DateTimeOffset.UtcNow.Date, TimeSpan.Zero);

        if (run.Store.Reused)
        {
            RequireOwnLoad(run);
        }

        var load = Stopwatch.StartNew();
        batches.SampleEvery = Math.Max(1, run.Instances / 200);
        batches.Batching = !run.Store.Reused;
        for (var i = 0; i < run.Instances; i++)
        {
            var task = new JsonObject
            {
                ["assignee"] = random.Next(10) < 3 ? User(random.Next(users)) : "",
                ["candidates"] = random.Next(2) == 0 ? new JsonArray(User(random.Next(users))) : new JsonArray(),
                ["groups"] = new JsonArray(Group(random.Next(groups)), Group(random.Next(groups))),
                ["due"] = random.Next(10) < 9 ? today.AddMinutes(random.Next(90 * 24 * 60)).ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture) : "",
            };
            if (run.Store.Reused)
            {
                // The tasks are there from an earlier run: draw the same random numbers, so the queries are the same.
                continue;
            }

            BenchRun.Check(engine.Execute(new StartProcessInstance(process) { Variables = new Dictionary<string, object?> { ["task"] = task } }), "Starting a task-list instance");
        }

        batches.Batching = false;
        load.Stop();
        Verify(engine, batches.Sample);

        var times = new double[run.Queries];
        var found = 0L;
        for (var i = -WarmUpQueries; i < run.Queries; i++)
        {
            var user = random.Next(users);
            var query = new UserTaskQuery { User = User(user), Groups = [Group(user % groups), Group((user * 7 + 3) % groups), Group((user * 13 + 5) % groups)], PageSize = PageSize };
            var watch = Stopwatch.StartNew();
            var page = engine.QueryUserTasks(query);
            watch.Stop();
            if (i >= 0)
            {
                times[i] = watch.Elapsed.TotalMilliseconds;
                found += page.Count;
            }
        }

        if (found == 0)
        {
            throw new BenchFailedException("No task query found a task; the tasks were not loaded.");
        }

        Array.Sort(times);
        return
        [
            .. run.Store.Reused ? Array.Empty<BenchFigure>() : new[] { run.Figure(Name + " load", run.Instances / load.Elapsed.TotalSeconds, "tasks/s", run.Instances) },
            run.Figure(Name + " p50", Percentile(times, 0.50), "ms", run.Instances),
            run.Figure(Name + " p95", Percentile(times, 0.95), "ms", run.Instances),
            run.Figure(Name + " p99", Percentile(times, 0.99), "ms", run.Instances),
            run.Figure(Name + " rows per page", (double)found / run.Queries, "tasks", run.Instances),
        ];
    }

    /// <summary>Checks that a reused database holds exactly what a task-query run of the same size loaded: its one definition, N instances each waiting at its task, and nothing else.</summary>
    /// <exception cref="BenchFailedException">The database holds other data or another number of tasks.</exception>
    private static void RequireOwnLoad(BenchRun run)
    {
        var database = run.Store.Database!;
        using var connection = database.Dialect.CreateConnection(database.ConnectionString);
        connection.Open();
        long Count(string sql)
        {
            using var command = connection.CreateCommand();
            command.CommandText = sql;
            return Convert.ToInt64(command.ExecuteScalar(), CultureInfo.InvariantCulture);
        }

        var definitions = Count("SELECT COUNT(*) FROM bpm_definitions");
        var ours = Count("SELECT COUNT(*) FROM bpm_definitions WHERE bpmn_process_id = 'bench-task-list'");
        var instances = Count("SELECT COUNT(*) FROM bpm_process_instances");
        var foreign = Count("SELECT COUNT(*) FROM bpm_process_instances WHERE bpmn_process_id <> 'bench-task-list'");
        var tasks = Count("SELECT COUNT(*) FROM bpm_user_tasks");
        var others = Count("SELECT (SELECT COUNT(*) FROM bpm_jobs) + (SELECT COUNT(*) FROM bpm_timers) + (SELECT COUNT(*) FROM bpm_subscriptions) + (SELECT COUNT(*) FROM bpm_incidents) + (SELECT COUNT(*) FROM bpm_history)");
        if (definitions != 1 || ours != 1 || foreign != 0 || instances != run.Instances || tasks != run.Instances || others != 0)
        {
            throw new BenchFailedException(
                $"--reuse needs a database that an earlier task-query run with --instances {run.Instances} loaded and nothing else; " +
                $"{database.Description} holds {definitions} definition(s), {instances} instance(s), {tasks} task(s) and {others} other row(s).");
        }
    }

    /// <summary>Checks that each sampled task reads back as the engine created it and that its assignee, each candidate user and each candidate group find it at its place in their task lists.</summary>
    /// <exception cref="BenchFailedException">A task was not written as the engine created it.</exception>
    private static void Verify(Crm.Bpm.Engine.Runtime.ProcessEngine engine, IReadOnlyList<UserTaskRecord> sample)
    {
        foreach (var task in sample)
        {
            var stored = engine.Store.FindUserTask(task.Key);
            if (stored is null || stored.Assignee != task.Assignee || stored.DueDate != task.DueDate || stored.ProcessInstanceKey != task.ProcessInstanceKey
                || !stored.CandidateUsers.SequenceEqual(task.CandidateUsers) || !stored.CandidateGroups.SequenceEqual(task.CandidateGroups) || stored.Variables.Count != task.Variables.Count
                || engine.Store.FindInstance(task.ProcessInstanceKey) is null)
            {
                throw new BenchFailedException($"The loaded task {task.Key} does not read back as the engine created it.");
            }

            // The first task after (due, key - 1) in the list of anyone who may work on it is the task itself
            // (key 1 without a due date would mean the first page: no such position to start from).
            if (task.Key <= 1 && task.DueDate is null)
            {
                continue;
            }

            var at = new UserTaskQuery { AfterDueDate = task.DueDate, AfterKey = task.Key - 1, PageSize = 1 };
            var lists = task.CandidateGroups.Select(g => at with { Groups = [g] })
                .Concat(task.CandidateUsers.Select(u => at with { User = u }));
            if (task.Assignee is { } assignee)
            {
                lists = lists.Append(at with { User = assignee });
            }

            foreach (var list in lists)
            {
                if (engine.QueryUserTasks(list) is not [{ } first] || first.Key != task.Key)
                {
                    throw new BenchFailedException($"The loaded task {task.Key} is missing from the task list of {list.User ?? list.Groups[0]}.");
                }
            }
        }
    }

    private static string User(int index) => "user-" + index.ToString(CultureInfo.InvariantCulture);

    private static string Group(int index) => "group-" + index.ToString(CultureInfo.InvariantCulture);

    /// <summary>The nearest-rank percentile of sorted values.</summary>
    private static double Percentile(double[] sorted, double fraction) =>
        sorted[Math.Clamp((int)Math.Ceiling(fraction * sorted.Length) - 1, 0, sorted.Length - 1)];
}
