using System.Data.Common;
using System.Globalization;
using System.Runtime.InteropServices;
using Crm.Bpm.Cli.Hosting;
using Crm.Bpm.Connectors.Email;
using Crm.Bpm.Connectors.Triggers;
using Crm.Bpm.Engine.DmnDecisions;
using Crm.Bpm.Engine.Hosting;
using Crm.Bpm.Engine.Runtime;
using Crm.Bpm.Engine.Runtime.Compilation;
using Crm.Bpm.Engine.Runtime.History;
using Crm.Bpm.Persistence.Database;
using Microsoft.Extensions.Logging;

namespace Crm.Bpm.Cli.Serve;

/// <summary><c>crm engine serve</c>: runs one engine node over a database (the job executor and the timer scheduler) until SIGTERM or Ctrl+C.</summary>
/// <remarks>
/// Exit codes: 0 after a clean stop; 1 when a model cannot be deployed; 3 when the database cannot be opened
/// (unreachable, or migrated by a newer Crm.Bpm); 64 for a usage error.
/// </remarks>
public sealed class ServeEngineCommand : ICliCommand, IDeclaresOptions
{
    /// <summary>The exit code when the database cannot be opened.</summary>
    public const int DatabaseExitCode = 3;

    private static readonly string[] Options =
        ["store", "connection", "node-id", "deploy", "handlers", "history", "concurrency", "lock-timeout", "poll-interval", "timer-lock-timeout", "stop-after", "log", "crm", "smtp"];

    /// <inheritdoc/>
    public IReadOnlyList<string> Path { get; } = ["engine", "serve"];

    /// <inheritdoc/>
    public string Usage =>
        "[--store sqlite|postgres|sqlserver] [--connection CS] [--node-id ID] [--deploy FILE.bpmn|FILE.dmn[,...]] [--crm SCHEMA-FOLDER] [--smtp HOST:PORT] [--handlers crash-test] " +
        "[--history none|activity|full] [--concurrency N] [--lock-timeout 5m] [--poll-interval 500ms] [--timer-lock-timeout 1m] [--stop-after 30s] [--log info|debug|warn]";

    /// <inheritdoc/>
    public string Summary => "Run an engine node over a database: job executor and timer scheduler, until SIGTERM or Ctrl+C.";

    /// <inheritdoc/>
    public IReadOnlyCollection<string> ValueOptions => Options;

    /// <inheritdoc/>
    public int Run(CliArguments arguments, CliConsole console)
    {
        ArgumentNullException.ThrowIfNull(arguments);
        ArgumentNullException.ThrowIfNull(console);
        if (arguments.Unknown(Options).FirstOrDefault() is { } unknown)
        {
            throw new CliUsageException($"unknown option --{unknown}");
        }

        if (arguments.Positional.Count > 0)
        {
            throw new CliUsageException($"unexpected argument '{arguments.Positional[0]}'");
        }

        // Defaults a new user meets: SQLite under ./data, a node id from the machine and process.
        var provider = Provider(arguments.Get("store") ?? "sqlite");
        var nodeId = arguments.Get("node-id") ?? $"{Environment.MachineName}-{Environment.ProcessId}";
        var smtp = Smtp(arguments.Get("smtp"));
        var history = History(arguments.Get("history"));
        var handlers = Handlers(arguments.Get("handlers"));
        var logLevel = LogLevelOf(arguments.Get("log"));
        var executorOptions = new JobExecutorOptions
        {
            NodeId = nodeId,
            MaxConcurrency = Concurrency(arguments.Get("concurrency")),
            LockTimeout = ServeDurations.Get(arguments, "lock-timeout", TimeSpan.FromMinutes(5)),
            PollInterval = ServeDurations.Get(arguments, "poll-interval", TimeSpan.FromMilliseconds(500)),
        };
        var schedulerOptions = new TimerSchedulerOptions
        {
            NodeId = nodeId,
            LockTimeout = ServeDurations.Get(arguments, "timer-lock-timeout", TimeSpan.FromMinutes(1)),
            PollInterval = executorOptions.PollInterval,
        };
        TimeSpan? stopAfter = arguments.Has("stop-after") ? ServeDurations.Get(arguments, "stop-after", TimeSpan.Zero) : null;
        var models = (arguments.Get("deploy") ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        if (provider != DatabaseProvider.Sqlite && arguments.Get("connection") is null)
        {
            throw new CliUsageException($"--connection is required with --store {arguments.Get("store")}");
        }

        EngineDatabase database;
        try
        {
            database = EngineDatabase.Open(new DatabaseOptions { Provider = provider, ConnectionString = arguments.Get("connection") });
            if (handlers.Find(CrashTestEffects.JobType) is not null)
            {
                EnsureCrashTestTable(database);
            }
        }
        catch (DatabaseOpenException e)
        {
            console.Error.WriteLine($"crm engine serve: {e.Message}");
            return DatabaseExitCode;
        }

        // Decision tables are loaded by every node from the files named (they are not stored in the database yet).
        var decisions = new DmnDecisionEvaluator();
        foreach (var model in models.Where(m => m.EndsWith(".dmn", StringComparison.OrdinalIgnoreCase)))
        {
            var found = decisions.DeployFile(model);
            if (found.Any(d => d.IsError))
            {
                foreach (var diagnostic in found.Where(d => d.IsError))
                {
                    console.Error.WriteLine(diagnostic.ToString());
                }

                console.Error.WriteLine($"crm engine serve: {model} cannot be deployed.");
                return 1;
            }

            console.Out.WriteLine($"crm engine serve: decisions {string.Join(", ", decisions.DecisionIds)} loaded from {model}.");
        }

        using var store = database.CreateStore();
        var engine = new ProcessEngine(store, options: new EngineOptions { HistoryLevel = history, DecisionEvaluator = decisions });
        // Instances of definitions deployed by another node are put together with the process compiled from its stored XML.
        store.Processes = engine.GetProcess;
        foreach (var model in models.Where(m => !m.EndsWith(".dmn", StringComparison.OrdinalIgnoreCase)))
        {
            if (!Deploy(engine, model, console))
            {
                return 1;
            }
        }

        CrmNode? crm = null;
        if (arguments.Get("crm") is { } schemaFolder)
        {
            try
            {
                crm = CrmNode.Open(database, provider, engine, handlers, schemaFolder, smtp);
                console.Out.WriteLine($"crm engine serve: {crm.SchemaCount} entity schemas from {schemaFolder}; record triggers and built-in connectors on.");
            }
            catch (DatabaseOpenException e)
            {
                console.Error.WriteLine($"crm engine serve: {e.Message}");
                return DatabaseExitCode;
            }
        }

        using (crm)
        {
            return Serve(engine, database, handlers, executorOptions, schedulerOptions, stopAfter, logLevel, console, crm?.Dispatcher);
        }
    }

    private static int Serve(ProcessEngine engine, EngineDatabase database, JobHandlerRegistry handlers, JobExecutorOptions executorOptions, TimerSchedulerOptions schedulerOptions, TimeSpan? stopAfter, LogLevel logLevel, CliConsole console, TriggerDispatcher? dispatcher)
    {
        var nodeId = executorOptions.NodeId;
        using var stopping = new CancellationTokenSource();
        void Stop(PosixSignalContext context)
        {
            // Stop gracefully instead of letting the runtime end the process at once.
            context.Cancel = true;
            stopping.Cancel();
        }

        using var sigterm = PosixSignalRegistration.Create(PosixSignal.SIGTERM, Stop);
        using var sigint = PosixSignalRegistration.Create(PosixSignal.SIGINT, Stop);
        if (stopAfter is { } after)
        {
            stopping.CancelAfter(after);
        }

        var signal = new LocalCommitSignal();
        using var executor = new JobExecutor(engine, handlers, executorOptions, signal, new ConsoleLineLogger<JobExecutor>(console.Error, nodeId, logLevel));
        using var scheduler = new TimerScheduler(engine, schedulerOptions, signal, new ConsoleLineLogger<TimerScheduler>(console.Error, nodeId, logLevel));
        executor.StartAsync(CancellationToken.None).GetAwaiter().GetResult();
        scheduler.StartAsync(CancellationToken.None).GetAwaiter().GetResult();
        dispatcher?.StartAsync(CancellationToken.None).GetAwaiter().GetResult();
        var types = handlers.Count == 0 ? "none (external workers only)" : string.Join(", ", handlers.Types);
        console.Out.WriteLine($"crm engine serve: node {nodeId} serving {database.Description}; job types: {types}. Stop with Ctrl+C or SIGTERM.");
        console.Out.Flush();

        stopping.Token.WaitHandle.WaitOne();

        dispatcher?.StopAsync(CancellationToken.None).GetAwaiter().GetResult();
        scheduler.StopAsync(CancellationToken.None).GetAwaiter().GetResult();
        executor.StopAsync(CancellationToken.None).GetAwaiter().GetResult();
        console.Out.WriteLine(string.Create(CultureInfo.InvariantCulture, $"crm engine serve: node {nodeId} stopped: {executor.JobsCompleted} jobs completed, {executor.JobsFailed} failed, {executor.ErrorsThrown} BPMN errors, {scheduler.TimersFired} timers fired."));
        return 0;
    }

    private static bool Deploy(ProcessEngine engine, string model, CliConsole console)
    {
        var deployed = engine.DeployFile(model);
        for (var attempt = 1; attempt < 3 && deployed.Diagnostics.Any(d => d.Code == CompileDiagnosticCodes.StoreRefused); attempt++)
        {
            // Nodes starting together race to insert version 1 and the loser's commit is refused; the next attempt
            // finds the version deployed (a no-op). A database that went away for a moment is retried the same way.
            console.Error.WriteLine($"crm engine serve: deploying {model} was refused by the database; trying again.");
            Thread.Sleep(TimeSpan.FromSeconds(attempt));
            deployed = engine.DeployFile(model);
        }

        if (deployed.Succeeded)
        {
            foreach (var process in deployed.Processes)
            {
                console.Out.WriteLine($"crm engine serve: {process.BpmnProcessId} version {process.Version}{(process.IsNewVersion ? " deployed" : " already deployed")} from {model}.");
            }

            return true;
        }

        foreach (var diagnostic in deployed.Diagnostics.Where(d => d.IsError))
        {
            console.Error.WriteLine(diagnostic.ToString());
        }

        console.Error.WriteLine($"crm engine serve: {model} cannot be deployed.");
        return false;
    }

    private static void EnsureCrashTestTable(EngineDatabase database)
    {
        using var connection = database.Dialect.CreateConnection(database.ConnectionString);
        try
        {
            connection.Open();
            try
            {
                CrashTestEffects.EnsureTable(connection);
            }
            catch (DbException)
            {
                // Two nodes starting at once can race on CREATE TABLE IF NOT EXISTS (PostgreSQL's catalog key); the other node made it.
                CrashTestEffects.EnsureTable(connection);
            }
        }
        catch (DbException e)
        {
            throw new DatabaseOpenException($"Cannot create the crash-test table {CrashTestEffects.Table} in {database.Description}: {e.Message}", e);
        }
    }

    private static SmtpOptions Smtp(string? text)
    {
        if (text is null)
        {
            return new SmtpOptions { Host = "127.0.0.1" };
        }

        var colon = text.LastIndexOf(':');
        if (colon <= 0 || !int.TryParse(text.AsSpan(colon + 1), NumberStyles.None, CultureInfo.InvariantCulture, out var port) || port is < 1 or > 65535)
        {
            throw new CliUsageException($"--smtp must be HOST:PORT, such as 127.0.0.1:25, not '{text}'");
        }

        return new SmtpOptions { Host = text[..colon], Port = port };
    }

    private static DatabaseProvider Provider(string store) => store switch
    {
        "sqlite" => DatabaseProvider.Sqlite,
        "postgres" or "postgresql" => DatabaseProvider.PostgreSql,
        "sqlserver" => DatabaseProvider.SqlServer,
        _ => throw new CliUsageException($"--store must be sqlite, postgres or sqlserver, not '{store}'"),
    };

    private static HistoryLevel History(string? level) => level switch
    {
        null or "activity" => HistoryLevel.Activity,
        "none" => HistoryLevel.None,
        "full" => HistoryLevel.Full,
        _ => throw new CliUsageException($"--history must be none, activity or full, not '{level}'"),
    };

    private static LogLevel LogLevelOf(string? level) => level switch
    {
        null or "info" => LogLevel.Information,
        "debug" => LogLevel.Debug,
        "warn" => LogLevel.Warning,
        _ => throw new CliUsageException($"--log must be info, debug or warn, not '{level}'"),
    };

    private static int Concurrency(string? text)
    {
        if (text is null)
        {
            return 8;
        }

        if (!int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var value) || value < 1)
        {
            throw new CliUsageException($"--concurrency must be a whole number of at least 1, not '{text}'");
        }

        return value;
    }

    private static JobHandlerRegistry Handlers(string? names)
    {
        var registry = new JobHandlerRegistry();
        foreach (var name in (names ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            switch (name)
            {
                case "crash-test":
                    registry.Add(new CrashTestHandler());
                    break;
                default:
                    throw new CliUsageException($"--handlers knows only crash-test, not '{name}'");
            }
        }

        return registry;
    }
}
