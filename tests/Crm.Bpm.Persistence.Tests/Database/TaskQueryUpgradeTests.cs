using System.Data.Common;
using System.Globalization;
using Crm.Bpm.Engine.Runtime.Store;
using Crm.Bpm.Engine.Runtime.UserTasks;
using Crm.Bpm.Persistence.Database;
using Crm.Bpm.Testing.PostgreSql;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace Crm.Bpm.Persistence.Tests.Database;

/// <summary>A database with open tasks written by the first engine schema, upgraded by the migration that gives candidate rows the due date and the assignee: the task query then answers as the in-memory store.</summary>
public sealed class TaskQueryUpgradeTests(PostgreSqlDatabase postgres) : IClassFixture<PostgreSqlDatabase>
{
    private static readonly DateTimeOffset Start = new(2026, 3, 2, 8, 0, 0, TimeSpan.Zero);

    [Fact]
    public void UpgradedSqliteDatabase_AnswersTheTaskQuery_AsTheInMemoryStore()
    {
        var folder = Directory.CreateTempSubdirectory("crm-upgrade-").FullName;
        try
        {
            UpgradedDatabase_AnswersTheTaskQuery(DatabaseProvider.Sqlite, $"Data Source={Path.Combine(folder, "old.db")}");
        }
        finally
        {
            SqliteConnection.ClearAllPools();
            Directory.Delete(folder, recursive: true);
        }
    }

    [PostgreSqlFact]
    public void UpgradedPostgreSqlDatabase_AnswersTheTaskQuery_AsTheInMemoryStore() =>
        UpgradedDatabase_AnswersTheTaskQuery(DatabaseProvider.PostgreSql, postgres.ConnectionString!);

    private static void UpgradedDatabase_AnswersTheTaskQuery(DatabaseProvider provider, string connectionString)
    {
        var dialect = EngineDatabase.FindDialect(provider);
        var builder = new DbContextOptionsBuilder<Crm.Bpm.Persistence.Engine.EngineDbContext>();
        dialect.Configure(builder, connectionString);
        var tasks = Tasks();
        using (var context = new Crm.Bpm.Persistence.Engine.EngineDbContext(builder.Options))
        {
            context.GetService<IMigrator>().Migrate(context.Database.GetMigrations().First());
            using var connection = dialect.CreateConnection(connectionString);
            connection.Open();
            foreach (var task in tasks)
            {
                WriteAsTheFirstSchema(connection, task);
            }
        }

        var database = EngineDatabase.Open(new DatabaseOptions { Provider = provider, ConnectionString = connectionString });
        using var store = database.CreateStore();
        var memory = new InMemoryProcessStore();
        var changes = new StoreChanges();
        foreach (var task in tasks)
        {
            changes.UserTasks.Put(task);
        }

        memory.Commit(changes);
        UserTaskQuery[] queries =
        [
            new() { User = "ann" },
            new() { User = "bob", Groups = ["sales"], PageSize = 3 },
            new() { Groups = ["ops"], PageSize = 2 },
            new() { User = "cid", PageSize = 1 },
        ];
        foreach (var query in queries)
        {
            var expected = Pages(memory, query);
            expected.Should().NotBeEmpty("the query {0} has tasks to find", query);
            Pages(store, query).Should().Equal(expected, "the upgraded database must answer {0} as the in-memory store", query);
        }
    }

    private static List<UserTaskRecord> Tasks()
    {
        string?[] assignees = ["ann", null, "bob", "cid", null];
        string[][] users = [["ann"], ["bob", "cid"], [], ["ann", "cid"], ["cid"]];
        string[][] groups = [["sales"], ["ops"], ["sales", "ops"], [], ["ops"]];
        return [.. Enumerable.Range(1, 25).Select(key => new UserTaskRecord
        {
            Key = key,
            ProcessInstanceKey = key,
            ElementInstanceKey = key + 100,
            ElementId = "work",
            BpmnProcessId = "tasks",
            ProcessDefinitionKey = 1,
            Assignee = assignees[key % 5],
            CandidateUsers = users[key % 5],
            CandidateGroups = groups[key / 5 % 5],
            DueDate = key % 4 == 0 ? null : Start.AddHours(key % 6),
            CreatedAt = Start,
        })];
    }

    /// <summary>The rows the store wrote before the migration: the task, and one candidate row per candidate user (kind 0) and group (kind 1), without due date or assignee row.</summary>
    private static void WriteAsTheFirstSchema(DbConnection connection, UserTaskRecord task)
    {
        Execute(connection,
            "INSERT INTO bpm_user_tasks (task_key, instance_key, element_instance_key, element_id, bpmn_process_id, definition_key, name, assignee, candidate_users, candidate_groups, due_date, follow_up_date, priority, form_key, variables, created_at) " +
            "VALUES (@p0, @p1, @p2, @p3, @p4, @p5, @p6, @p7, @p8, @p9, @p10, @p11, @p12, @p13, @p14, @p15)",
            task.Key, task.ProcessInstanceKey, task.ElementInstanceKey, task.ElementId, task.BpmnProcessId, task.ProcessDefinitionKey, null, task.Assignee,
            Json(task.CandidateUsers), Json(task.CandidateGroups), task.DueDate?.UtcTicks, null, task.Priority, null, "{}", task.CreatedAt.UtcTicks);
        foreach (var (kind, names) in new[] { (0, task.CandidateUsers), (1, task.CandidateGroups) })
        {
            foreach (var name in names)
            {
                Execute(connection, "INSERT INTO bpm_task_candidates (task_key, candidate_kind, candidate) VALUES (@p0, @p1, @p2)", task.Key, kind, name);
            }
        }
    }

    private static string Json(IReadOnlyList<string> names) => System.Text.Json.JsonSerializer.Serialize(names);

    private static void Execute(DbConnection connection, string sql, params object?[] values)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        for (var i = 0; i < values.Length; i++)
        {
            var parameter = command.CreateParameter();
            parameter.ParameterName = "p" + i.ToString(CultureInfo.InvariantCulture);
            parameter.Value = values[i] ?? DBNull.Value;
            command.Parameters.Add(parameter);
        }

        command.ExecuteNonQuery();
    }

    private static List<long> Pages(IProcessStore store, UserTaskQuery query)
    {
        var keys = new List<long>();
        while (true)
        {
            var page = store.QueryUserTasks(query);
            keys.AddRange(page.Select(t => t.Key));
            if (page.Count < query.PageSize)
            {
                return keys;
            }

            query = query with { AfterDueDate = page[^1].DueDate, AfterKey = page[^1].Key };
        }
    }
}
