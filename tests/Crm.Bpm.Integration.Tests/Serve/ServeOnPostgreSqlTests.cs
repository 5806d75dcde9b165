using System.Globalization;
using Crm.Bpm.Testing;
using Crm.Bpm.Testing.PostgreSql;
using Npgsql;

namespace Crm.Bpm.Integration.Tests.Serve;

/// <summary><c>crm engine serve</c> nodes as OS processes on one new PostgreSQL database.</summary>
public sealed class ServeOnPostgreSqlTests(PostgreSqlDatabase database) : IClassFixture<PostgreSqlDatabase>
{
    private static readonly string[] Nodes = ["node-1", "node-2", "node-3"];
    private static readonly string Model = Path.Combine(SharedData.RepositoryRoot, "tests", "Crm.Bpm.Integration.Tests", "Models", "crash-test.bpmn");

    [PostgreSqlFact]
    public async Task ThreeNodesStartingTogether_OnANewDatabase_DeployTheModelOnce_AndAllServe()
    {
        var connectionString = database.ConnectionString!;
        string[] serve = ["--store", "postgres", "--connection", connectionString, "--deploy", Model, "--handlers", "crash-test"];
        var servers = Nodes.Select(node => EngineServerProcess.Start(node, serve)).ToList();
        try
        {
            await Task.WhenAll(servers.Select(s => s.WaitUntilServing(TimeSpan.FromSeconds(120))));

            using var connection = new NpgsqlConnection(connectionString);
            connection.Open();
            using var command = new NpgsqlCommand("SELECT count(*) FROM bpm_definitions WHERE bpmn_process_id = 'crash-test'", connection);
            Convert.ToInt64(command.ExecuteScalar(), CultureInfo.InvariantCulture).Should().Be(1, "the nodes racing to deploy the same file make one version");
            foreach (var server in servers)
            {
                server.Tail(50).Should().Contain("crash-test version 1", $"{server.NodeId} deployed or found version 1");
                (await server.Terminate(TimeSpan.FromSeconds(60))).Should().Be(0, server.Tail(20));
            }
        }
        finally
        {
            servers.ForEach(s => s.Dispose());
        }
    }
}
