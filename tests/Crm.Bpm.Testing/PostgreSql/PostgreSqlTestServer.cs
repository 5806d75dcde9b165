using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using Npgsql;

namespace Crm.Bpm.Testing.PostgreSql;

/// <summary>The PostgreSQL server the tests of this process use: the one <c>CRM_TEST_POSTGRES</c> names, or one started here in a temporary folder on 127.0.0.1 and a free port, stopped and deleted when the process exits.</summary>
public sealed class PostgreSqlTestServer
{
    /// <summary>The environment variable with the connection string of a running server (test.sh sets it).</summary>
    public const string ConnectionVariable = "CRM_TEST_POSTGRES";

    /// <summary>The environment variable that lets PostgreSQL tests skip on a machine without a server (ignored when CI is set).</summary>
    public const string SkipVariable = "CRM_SKIP_POSTGRES";

    private static readonly Lazy<PostgreSqlTestServer> Shared = new(Start, LazyThreadSafetyMode.ExecutionAndPublication);

    private readonly string? _folder;
    private readonly string? _binaries;
    private readonly bool _asPostgresUser;

    private PostgreSqlTestServer(string connectionString, string? folder, string? binaries, bool asPostgresUser)
    {
        AdminConnectionString = connectionString;
        _folder = folder;
        _binaries = binaries;
        _asPostgresUser = asPostgresUser;
    }

    /// <summary>A connection string to the server's <c>postgres</c> database with a user that may create databases.</summary>
    public string AdminConnectionString { get; }

    /// <summary>Whether PostgreSQL tests are to be skipped: only when <c>CRM_SKIP_POSTGRES=1</c> and not on CI.</summary>
    public static bool SkipRequested =>
        Environment.GetEnvironmentVariable(SkipVariable) == "1" && string.IsNullOrEmpty(Environment.GetEnvironmentVariable("CI"));

    /// <summary>The server, started on first use.</summary>
    /// <exception cref="InvalidOperationException">No server is configured and none could be started; the message says what to install or set.</exception>
    public static PostgreSqlTestServer Instance => Shared.Value;

    /// <summary>Creates an empty database with a unique name and gives its connection string.</summary>
    public string CreateDatabase(string prefix)
    {
        var name = $"{Sanitize(prefix)}_{Guid.NewGuid():N}"[..Math.Min(63, Sanitize(prefix).Length + 33)];
        using var connection = new NpgsqlConnection(AdminConnectionString);
        connection.Open();
        using var command = new NpgsqlCommand($"CREATE DATABASE \"{name}\"", connection);
        command.ExecuteNonQuery();
        return new NpgsqlConnectionStringBuilder(AdminConnectionString) { Database = name }.ToString();
    }

    /// <summary>Drops a database made by <see cref="CreateDatabase"/>, closing its connections first.</summary>
    public void DropDatabase(string connectionString)
    {
        var name = new NpgsqlConnectionStringBuilder(connectionString).Database;
        NpgsqlConnection.ClearAllPools();
        using var connection = new NpgsqlConnection(AdminConnectionString);
        connection.Open();
        using var command = new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{name}\" WITH (FORCE)", connection);
        command.ExecuteNonQuery();
    }

    /// <summary>Ends every server process (backend) connected to the database, as a crash or restart would.</summary>
    public int TerminateConnections(string connectionString)
    {
        var name = new NpgsqlConnectionStringBuilder(connectionString).Database;
        using var connection = new NpgsqlConnection(AdminConnectionString);
        connection.Open();
        using var command = new NpgsqlCommand("SELECT count(pg_terminate_backend(pid)) FROM pg_stat_activity WHERE datname = @n AND pid <> pg_backend_pid()", connection);
        command.Parameters.AddWithValue("n", name!);
        return Convert.ToInt32(command.ExecuteScalar(), System.Globalization.CultureInfo.InvariantCulture);
    }

    private static string Sanitize(string prefix) =>
        new string([.. prefix.ToLowerInvariant().Where(c => char.IsAsciiLetterOrDigit(c) || c == '_')]) is { Length: > 0 } s ? s[..Math.Min(s.Length, 28)] : "t";

    private static PostgreSqlTestServer Start()
    {
        var configured = Environment.GetEnvironmentVariable(ConnectionVariable);
        if (!string.IsNullOrWhiteSpace(configured))
        {
            return new PostgreSqlTestServer(configured, null, null, false);
        }

        var binaries = FindBinaries() ?? throw new InvalidOperationException(
            $"PostgreSQL tests need a server: set {ConnectionVariable} to a connection string, or install the server binaries (apt-get install postgresql; ./test.sh does it), or set {SkipVariable}=1 to skip them off CI.");
        var asPostgresUser = Environment.UserName == "root";
        var folder = asPostgresUser
            ? Run("/usr/sbin/runuser", ["-u", "postgres", "--", "mktemp", "-d", "/tmp/crm-pg-XXXXXX"]).Trim()
            : Directory.CreateTempSubdirectory("crm-pg-").FullName;
        var port = FreePort();
        var server = new PostgreSqlTestServer($"Host=127.0.0.1;Port={port};Username=postgres;Database=postgres;Pooling=true", folder, binaries, asPostgresUser);
        try
        {
            server.Tool("initdb", ["-D", Path.Combine(folder, "data"), "-U", "postgres", "--auth=trust", "-E", "UTF8", "--no-sync"]);
            // fsync off: a test server's data is thrown away, and it makes the suite several times faster.
            server.Tool("pg_ctl", ["-D", Path.Combine(folder, "data"), "-l", Path.Combine(folder, "server.log"), "-w", "-t", "60",
                "-o", $"-p {port} -k {folder} -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off -c max_connections=200", "start"]);
        }
        catch
        {
            server.Stop();
            throw;
        }

        AppDomain.CurrentDomain.ProcessExit += (_, _) => server.Stop();
        return server;
    }

    private void Stop()
    {
        if (_folder is null)
        {
            return;
        }

        NpgsqlConnection.ClearAllPools();
        // One shell does both steps, so the folder goes even when the test host ends this process right after stopping.
        string[] script = ["/bin/sh", "-c", "\"$1/pg_ctl\" -D \"$2/data\" -m immediate -w stop >/dev/null 2>&1; rm -rf \"$2\"", "sh", _binaries!, _folder];
        try
        {
            if (_asPostgresUser)
            {
                Run("/usr/sbin/runuser", ["-u", "postgres", "--", .. script]);
            }
            else
            {
                Run(script[0], script[1..]);
            }
        }
        catch (InvalidOperationException)
        {
            // Best effort at exit: nothing more can be done here.
        }
    }

    private void Tool(string name, IReadOnlyList<string> arguments)
    {
        var tool = Path.Combine(_binaries!, name);
        if (_asPostgresUser)
        {
            Run("/usr/sbin/runuser", ["-u", "postgres", "--", tool, .. arguments]);
        }
        else
        {
            Run(tool, arguments);
        }
    }

    private static string? FindBinaries()
    {
        var configured = Environment.GetEnvironmentVariable("CRM_PG_BIN");
        if (!string.IsNullOrEmpty(configured) && File.Exists(Path.Combine(configured, "initdb")))
        {
            return configured;
        }

        const string Root = "/usr/lib/postgresql";
        if (!Directory.Exists(Root))
        {
            return null;
        }

        return Directory.EnumerateDirectories(Root)
            .Select(d => (Dir: Path.Combine(d, "bin"), Version: int.TryParse(Path.GetFileName(d), out var v) ? v : 0))
            .Where(d => File.Exists(Path.Combine(d.Dir, "initdb")))
            .OrderByDescending(d => d.Version)
            .Select(d => d.Dir)
            .FirstOrDefault();
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private static string Run(string file, IReadOnlyList<string> arguments)
    {
        var info = new ProcessStartInfo(file) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var argument in arguments)
        {
            info.ArgumentList.Add(argument);
        }

        using var process = Process.Start(info) ?? throw new InvalidOperationException($"Cannot start {file}.");
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEnd();
        process.WaitForExit();
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"{Path.GetFileName(file)} {string.Join(' ', arguments)} failed ({process.ExitCode}): {error.Trim()}");
        }

        return output.Result;
    }
}
