using System.Diagnostics;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Crm.Bpm.Diagnostics;
using Crm.Bpm.Engine.Model;
using Crm.Bpm.Engine.Runtime.Clock;
using Crm.Bpm.Engine.Runtime.Commands;
using Crm.Bpm.Engine.Runtime.Compilation;
using Crm.Bpm.Engine.Runtime.Deployment;
using Crm.Bpm.Engine.Runtime.Execution;
using Crm.Bpm.Engine.Runtime.Expressions;
using Crm.Bpm.Engine.Runtime.History;
using Crm.Bpm.Engine.Runtime.Incidents;
using Crm.Bpm.Engine.Runtime.Instances;
using Crm.Bpm.Engine.Runtime.Jobs;
using Crm.Bpm.Engine.Runtime.Messages;
using Crm.Bpm.Engine.Runtime.Store;
using Crm.Bpm.Engine.Runtime.Timers;
using Crm.Bpm.Engine.Runtime.UserTasks;
using Crm.Bpm.Engine.Runtime.Variables;
using Crm.Bpm.Engine.Xml;

namespace Crm.Bpm.Engine.Runtime;

/// <summary>The BPMN process engine: deploys processes, runs commands against a store, and answers queries.</summary>
/// <remarks>
/// Every command is one unit of work: it loads what it needs, runs every path until it waits, and commits all
/// changes at once; a refused or failing command commits nothing, so the store stays exactly as it was.
/// Commands and queries are serialized by the engine; it is safe to call from several threads.
/// </remarks>
public sealed class ProcessEngine
{
    private readonly Lock _gate = new();
    private readonly ProcessRepository _repository;
    private readonly UnitOfWork _uow;
    private readonly Executor _executor;

    /// <summary>Creates an engine over a store (in memory by default), a clock (the system clock by default) and options.</summary>
    public ProcessEngine(IProcessStore? store = null, IEngineClock? clock = null, EngineOptions? options = null)
    {
        Store = store ?? new InMemoryProcessStore();
        Clock = clock ?? SystemClock.Instance;
        Options = options ?? new EngineOptions();
        _repository = new ProcessRepository(Store, Options.ExpressionLanguage ?? new FeelExpressionLanguage(new ClockTimeProvider(Clock)));
        _uow = new UnitOfWork(Store, Options);
        _executor = new Executor(_repository, Options);
    }

    public IProcessStore Store { get; }

    public IEngineClock Clock { get; }

    public EngineOptions Options { get; }

    /// <summary>Deploys every executable process of a BPMN file.</summary>
    public DeployResult DeployFile(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        string xml;
        try
        {
            xml = File.ReadAllText(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
        {
            return new DeployResult([], [new Diagnostic(DiagnosticSeverity.Error, CompileDiagnosticCodes.Unreadable, $"Cannot read the file: {e.Message}", path)]);
        }

        return Deploy(xml, path);
    }

    /// <summary>Deploys every executable process of BPMN XML; redeploying unchanged XML reuses the existing versions.</summary>
    public DeployResult Deploy(string xml, string resourceName)
    {
        ArgumentNullException.ThrowIfNull(xml);
        var parsed = BpmnParser.ParseString(xml, resourceName);
        if (parsed.Definitions is null || parsed.Diagnostics.Any(d => d.IsError))
        {
            return new DeployResult([], parsed.Diagnostics);
        }

        return Deploy(parsed.Definitions, resourceName, xml, parsed.Diagnostics);
    }

    /// <summary>Deploys the executable processes of a parsed model; <paramref name="source"/> is stored so other nodes can compile it again.</summary>
    public DeployResult Deploy(BpmnDefinitions definitions, string? resourceName = null, string? source = null, IReadOnlyList<Diagnostic>? parseDiagnostics = null)
    {
        ArgumentNullException.ThrowIfNull(definitions);
        var diagnostics = new List<Diagnostic>(parseDiagnostics ?? []);
        var compiled = new List<ExecutableProcess>();
        foreach (var process in definitions.Processes)
        {
            if (!ProcessRepository.IsExecutable(process))
            {
                continue;
            }

            var (executable, found) = ProcessCompiler.Compile(definitions, process, _repository.Language, resourceName);
            diagnostics.AddRange(found);
            if (executable is not null)
            {
                executable.ResourceName = resourceName;
                compiled.Add(executable);
            }
        }

        if (compiled.Count == 0 && !diagnostics.Any(d => d.IsError))
        {
            diagnostics.Add(new Diagnostic(DiagnosticSeverity.Error, CompileDiagnosticCodes.NoProcess, "The file has no executable process; add a process with isExecutable=\"true\".", resourceName));
        }

        if (diagnostics.Any(d => d.IsError))
        {
            return new DeployResult([], diagnostics);
        }

        lock (_gate)
        {
            _uow.Begin(Clock.Now, recordEvents: false);
            _executor.Begin(_uow);
            var deployed = new List<DeployedProcess>();
            var registered = new List<(ExecutableProcess Process, string Checksum)>();
            foreach (var process in compiled)
            {
                var checksum = Checksum(process.BpmnProcessId, source);
                var latest = Store.FindLatestDefinition(process.BpmnProcessId);
                if (latest is not null && latest.Checksum == checksum)
                {
                    deployed.Add(new DeployedProcess(latest.Key, latest.BpmnProcessId, latest.Version, false));
                    continue;
                }

                process.Key = _uow.NewKey();
                process.Version = (latest?.Version ?? 0) + 1;
                _uow.AddDefinition(new ProcessDefinitionRecord
                {
                    Key = process.Key,
                    BpmnProcessId = process.BpmnProcessId,
                    Version = process.Version,
                    Name = process.Name,
                    ResourceName = resourceName,
                    Source = source,
                    Checksum = checksum,
                    DeployedAt = _uow.Now,
                });
                if (latest is not null)
                {
                    CloseStartSubscriptions(latest.Key);
                }

                if (!OpenStartSubscriptions(process, diagnostics))
                {
                    return new DeployResult([], diagnostics);
                }

                deployed.Add(new DeployedProcess(process.Key, process.BpmnProcessId, process.Version, true));
                registered.Add((process, checksum));
            }

            try
            {
                _uow.Commit();
            }
            catch (Exception e) when (e is StoreConcurrencyException or StoreUnavailableException)
            {
                // Another server deployed or changed the same definitions meanwhile, or the store is down: nothing was stored.
                diagnostics.Add(new Diagnostic(DiagnosticSeverity.Error, CompileDiagnosticCodes.StoreRefused, $"The store did not take the deployment: {e.Message} Nothing was deployed; deploy again.", resourceName));
                return new DeployResult([], diagnostics);
            }

            foreach (var (process, checksum) in registered)
            {
                _repository.Register(process, checksum);
            }

            return new DeployResult(deployed, diagnostics);
        }
    }

    private static string Checksum(string processId, string? source) =>
        source is null
            ? Guid.NewGuid().ToString("N")
            : Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(processId + "\n" + source)));

    private void CloseStartSubscriptions(long definitionKey)
    {
        // A new version replaces the start events of the previous one (Camunda 8).
        foreach (var timer in _uow.TimersOf(definitionKey, 0))
        {
            _uow.DeleteTimer(timer.Key);
        }

        foreach (var subscription in _uow.SubscriptionsOf(definitionKey, 0))
        {
            _uow.DeleteSubscription(subscription.Key);
        }
    }

    private bool OpenStartSubscriptions(ExecutableProcess process, List<Diagnostic> diagnostics)
    {
        foreach (var start in process.MessageStarts)
        {
            if (start.MessageName is null)
            {
                diagnostics.Add(new Diagnostic(DiagnosticSeverity.Error, CompileDiagnosticCodes.MissingValue, $"Message start event '{start.Id}' needs a static message name.", process.ResourceName, ElementId: start.Id));
                return false;
            }

            _uow.PutSubscription(StartSubscription(process, start, SubscriptionKind.Message, start.MessageName));
        }

        foreach (var start in process.SignalStarts)
        {
            _uow.PutSubscription(StartSubscription(process, start, SubscriptionKind.Signal, start.SignalName!));
        }

        foreach (var start in process.TimerStarts)
        {
            if (!_executor.TryScheduleTimer(start.Timer!, null, out var due, out var repetitions, out var interval, out var cron, out var error))
            {
                diagnostics.Add(new Diagnostic(DiagnosticSeverity.Error, CompileDiagnosticCodes.BadExpression, $"Timer start event '{start.Id}' cannot be scheduled: {error}", process.ResourceName, ElementId: start.Id));
                return false;
            }

            if (repetitions != 0)
            {
                _uow.PutTimer(new TimerRecord
                {
                    Key = _uow.NewKey(),
                    ElementId = start.Id,
                    BpmnProcessId = process.BpmnProcessId,
                    ProcessDefinitionKey = process.Key,
                    DueDate = due,
                    Repetitions = repetitions,
                    Interval = interval,
                    Cron = cron,
                });
            }
        }

        return true;
    }

    private EventSubscriptionRecord StartSubscription(ExecutableProcess process, ExecutableNode start, SubscriptionKind kind, string name) => new()
    {
        Key = _uow.NewKey(),
        Kind = kind,
        Name = name,
        ElementId = start.Id,
        BpmnProcessId = process.BpmnProcessId,
        ProcessDefinitionKey = process.Key,
    };

    /// <summary>Runs one command to the point where every path waits and commits it, or refuses it and changes nothing.</summary>
    public CommandResult Execute(EngineCommand command)
    {
        ArgumentNullException.ThrowIfNull(command);
        if (!VariableConversion.TryConvert(command.Variables, out var variables, out var variableError))
        {
            return new CommandResult(new CommandError(CommandErrorCode.InvalidArgument, variableError!));
        }

        lock (_gate)
        {
            var conflicts = 0;
            var unavailableSince = 0L;
            var backoff = TimeSpan.FromMilliseconds(20);
            for (var attempt = 0; ; attempt++)
            {
                if (attempt > 0)
                {
                    // A failed attempt may have adopted the converted variables into its working copies: convert afresh.
                    VariableConversion.TryConvert(command.Variables, out variables, out _);
                }

                CommandError? error;
                try
                {
                    error = RunOnce(command, variables);
                }
                catch (StoreConcurrencyException e)
                {
                    // Another command (here or on another server) changed what this one read: run it again on fresh state.
                    if (++conflicts <= Options.ConflictRetries)
                    {
                        continue;
                    }

                    error = new CommandError(CommandErrorCode.Conflict, $"{e.Message} The command was tried {conflicts} times; nothing was changed.");
                }
                catch (StoreUnavailableException e)
                {
                    if (unavailableSince == 0)
                    {
                        unavailableSince = Stopwatch.GetTimestamp();
                    }

                    var waited = Stopwatch.GetElapsedTime(unavailableSince);
                    if (waited < Options.UnavailableRetryTime)
                    {
                        var pause = backoff < Options.UnavailableRetryTime - waited ? backoff : Options.UnavailableRetryTime - waited;
                        Thread.Sleep(pause);
                        backoff = TimeSpan.FromTicks(Math.Min(backoff.Ticks * 2, TimeSpan.FromSeconds(2).Ticks));
                        continue;
                    }

                    error = new CommandError(CommandErrorCode.Unavailable, $"The store was unavailable for {waited.TotalSeconds:0.#} s: {e.Message} Nothing was changed; run the command again later.");
                }
#pragma warning disable CA1031 // A defect in one command must not corrupt the store or crash the host: report it and commit nothing.
                catch (Exception e) when (e is not OutOfMemoryException)
#pragma warning restore CA1031
                {
                    error = new CommandError(CommandErrorCode.Internal, $"The engine failed while running {command.GetType().Name}: {e.GetType().Name}: {e.Message}. Nothing was changed.");
                }

                return error is not null ? new CommandResult(error) : Outcome();
            }
        }
    }

    /// <summary>Runs independent commands (firing the timers a scheduler acquired, say) and commits all that ran in one store transaction; the results are in the commands' order.</summary>
    /// <remarks>
    /// Each command is still all-or-nothing on its own: a refused one commits nothing and does not hold up the others.
    /// A command that changes an instance or row an earlier command of the batch changed runs after the batch is
    /// committed, on the state that commit left. When the batch commit fails (a conflict, an effect that throws, the
    /// store unreachable), nothing of it stays and every command runs again on its own as <see cref="Execute"/> runs
    /// it, with its retries. Commands must not depend on each other's results otherwise (completing the task another
    /// command of the batch creates, say). Stores without <see cref="IProcessStore.SupportsBatchCommit"/> commit one
    /// command per transaction.
    /// </remarks>
    public IReadOnlyList<CommandResult> ExecuteBatch(IReadOnlyList<EngineCommand> commands)
    {
        ArgumentNullException.ThrowIfNull(commands);
        var results = new CommandResult[commands.Count];
        lock (_gate)
        {
            if (commands.Count < 2 || !Store.SupportsBatchCommit)
            {
                for (var i = 0; i < commands.Count; i++)
                {
                    results[i] = Execute(commands[i]);
                }

                return results;
            }

            var staged = new List<(int Index, StoreChanges Changes, CommandResult Result)>(commands.Count);
            var claimed = new HashSet<long>();
            var later = new List<int>();
            for (var i = 0; i < commands.Count; i++)
            {
                var command = commands[i] ?? throw new ArgumentException($"Command {i} of the batch is null.", nameof(commands));
                if (!VariableConversion.TryConvert(command.Variables, out var variables, out var variableError))
                {
                    results[i] = new CommandResult(new CommandError(CommandErrorCode.InvalidArgument, variableError!));
                    continue;
                }

                var changes = new StoreChanges();
                CommandError? error;
                try
                {
                    error = RunOnce(command, variables, changes);
                }
#pragma warning disable CA1031 // Whatever went wrong (a store read failed, a defect), Execute runs the command again with its retries and reports it.
                catch (Exception e) when (e is not OutOfMemoryException)
#pragma warning restore CA1031
                {
                    later.Add(i);
                    continue;
                }

                if (error is not null)
                {
                    results[i] = new CommandResult(error);
                }
                else if (!Claim(claimed, changes))
                {
                    // It read what an earlier command of the batch changes: run it on the state that batch leaves.
                    UnitOfWork.RestoreVersions(changes);
                    later.Add(i);
                }
                else
                {
                    staged.Add((i, changes, Outcome()));
                }
            }

            CommitStaged(commands, staged, results);
            foreach (var i in later)
            {
                results[i] = Execute(commands[i]);
            }

            return results;
        }
    }

    private void CommitStaged(IReadOnlyList<EngineCommand> commands, List<(int Index, StoreChanges Changes, CommandResult Result)> staged, CommandResult[] results)
    {
        if (staged.Count == 0)
        {
            return;
        }

        try
        {
            if (staged.Count == 1)
            {
                Store.Commit(staged[0].Changes);
            }
            else
            {
                Store.CommitBatch([.. staged.Select(s => s.Changes)]);
            }
        }
#pragma warning disable CA1031 // Nothing of the batch was committed: every command runs again on its own, and Execute reports what stops it.
        catch (Exception e) when (e is not OutOfMemoryException)
#pragma warning restore CA1031
        {
            foreach (var (_, changes, _) in staged)
            {
                UnitOfWork.RestoreVersions(changes);
            }

            foreach (var (index, _, _) in staged)
            {
                results[index] = Execute(commands[index]);
            }

            return;
        }

        foreach (var (index, _, result) in staged)
        {
            results[index] = result;
        }
    }

    /// <summary>Claims the instances and rows a command changes for the batch; false when an earlier command changed one of them.</summary>
    private static bool Claim(HashSet<long> claimed, StoreChanges changes)
    {
        var keys = new List<long>(changes.Instances.Count + changes.Jobs.Count + changes.UserTasks.Count + changes.Timers.Count);
        foreach (var (instance, _) in changes.Instances)
        {
            keys.Add(instance.Key);
        }

        keys.AddRange(changes.Jobs.Items.Keys);
        keys.AddRange(changes.UserTasks.Items.Keys);
        keys.AddRange(changes.Timers.Items.Keys);
        keys.AddRange(changes.Subscriptions.Items.Keys);
        keys.AddRange(changes.Messages.Items.Keys);
        keys.AddRange(changes.Incidents.Items.Keys);
        foreach (var key in keys)
        {
            if (claimed.Contains(key))
            {
                return false;
            }
        }

        claimed.UnionWith(keys);
        return true;
    }

    private CommandResult Outcome()
    {
        var touched = _uow.Touched;
        var instances = touched.Count == 0 ? [] : touched.ToArray();
        return new CommandResult(_executor.Primary, instances, _uow.Events, _executor.Correlations, _executor.Buffered);
    }

    /// <summary>Runs a command once on the store's current state and commits it; a refusal commits nothing.</summary>
    private CommandError? RunOnce(EngineCommand command, Dictionary<string, JsonElement>? variables, StoreChanges? staged = null)
    {
        _uow.Begin(Clock.Now, Options.RecordEvents, staged);
        _executor.Begin(_uow);
        _executor.ResetOutcome();
        var error = command switch
        {
            StartProcessInstance start => _executor.Start(start, variables),
            CompleteJob complete => _executor.CompleteJob(complete, variables),
            FailJob fail => _executor.FailJob(fail, variables),
            ThrowError thrown => _executor.ThrowError(thrown, variables),
            CompleteUserTask task => _executor.CompleteUserTask(task, variables),
            CorrelateMessage message => _executor.CorrelateMessage(message, variables),
            BroadcastSignal signal => _executor.BroadcastSignal(signal, variables),
            Commands.FireDueTimers => _executor.FireDueTimers(),
            Commands.FireTimer timer => _executor.FireTimer(timer),
            CancelProcessInstance cancel => _executor.Cancel(cancel),
            ResolveIncident resolve => _executor.ResolveIncident(resolve),
            SetVariables set => _executor.SetVariables(set, variables),
            MigrateProcessInstance migrate => _executor.Migrate(migrate),
            RaiseIncident raise => _executor.RaiseIncident(raise),
            _ => new CommandError(CommandErrorCode.InvalidArgument, $"The engine does not know the command {command.GetType().Name}."),
        };
        if (error is null)
        {
            _uow.AddEffects(command.Effects);
            if (staged is null)
            {
                _uow.Commit();
            }
            else
            {
                // A batch commits the staged changes of all its commands together (ExecuteBatch).
                _uow.Prepare();
            }
        }

        return error;
    }

    /// <summary>Starts an instance of the latest version of a process at its none start event.</summary>
    public CommandResult StartInstance(string bpmnProcessId, IReadOnlyDictionary<string, object?>? variables = null) =>
        Execute(new StartProcessInstance(bpmnProcessId) { Variables = variables });

    public CommandResult CompleteJob(long jobKey, IReadOnlyDictionary<string, object?>? variables = null) =>
        Execute(new CompleteJob(jobKey) { Variables = variables });

    public CommandResult FailJob(long jobKey, int retries, string? errorMessage = null, TimeSpan? retryBackoff = null) =>
        Execute(new FailJob(jobKey, retries) { ErrorMessage = errorMessage, RetryBackoff = retryBackoff });

    public CommandResult ThrowError(long jobKey, string errorCode, string? errorMessage = null, IReadOnlyDictionary<string, object?>? variables = null) =>
        Execute(new ThrowError(jobKey, errorCode) { ErrorMessage = errorMessage, Variables = variables });

    public CommandResult CompleteUserTask(long userTaskKey, IReadOnlyDictionary<string, object?>? variables = null) =>
        Execute(new CompleteUserTask(userTaskKey) { Variables = variables });

    public CommandResult CorrelateMessage(string name, string? correlationKey, IReadOnlyDictionary<string, object?>? variables = null, TimeSpan? timeToLive = null) =>
        Execute(new CorrelateMessage(name, correlationKey) { Variables = variables, TimeToLive = timeToLive });

    public CommandResult BroadcastSignal(string name, IReadOnlyDictionary<string, object?>? variables = null) =>
        Execute(new BroadcastSignal(name) { Variables = variables });

    public CommandResult FireDueTimers() => Execute(new Commands.FireDueTimers());

    /// <summary>Fires one due timer, as a timer scheduler does for each timer it acquired.</summary>
    public CommandResult FireTimer(long timerKey) => Execute(new Commands.FireTimer(timerKey));

    /// <summary>Moves a running instance to another definition, mapping elements by id or by <paramref name="elementMapping"/>.</summary>
    public CommandResult MigrateInstance(long processInstanceKey, long targetProcessDefinitionKey, IReadOnlyDictionary<string, string>? elementMapping = null) =>
        Execute(new MigrateProcessInstance(processInstanceKey, targetProcessDefinitionKey) { ElementMapping = elementMapping ?? new Dictionary<string, string>(0) });

    /// <summary>Hands up to <paramref name="maxJobs"/> jobs of a type to a worker, locked for it for <paramref name="lockTimeout"/>.</summary>
    public IReadOnlyList<JobRecord> ActivateJobs(string type, string worker, int maxJobs, TimeSpan lockTimeout) =>
        ActivateJobs([type], worker, maxJobs, lockTimeout);

    /// <summary>Hands up to <paramref name="maxJobs"/> jobs of the types to a worker, oldest first, locked for it for <paramref name="lockTimeout"/>; expired locks are taken over.</summary>
    public IReadOnlyList<JobRecord> ActivateJobs(IReadOnlyList<string> types, string worker, int maxJobs, TimeSpan lockTimeout)
    {
        ArgumentNullException.ThrowIfNull(types);
        ArgumentException.ThrowIfNullOrEmpty(worker);
        lock (_gate)
        {
            return Store.ActivateJobs(new JobActivation(types, worker, maxJobs, Clock.Now, lockTimeout));
        }
    }

    /// <summary>Locks up to <paramref name="maxTimers"/> due timers for a scheduler, earliest first; fire each with <see cref="FireTimer"/>.</summary>
    public IReadOnlyList<TimerRecord> AcquireDueTimers(string owner, int maxTimers, TimeSpan lockTimeout)
    {
        ArgumentException.ThrowIfNullOrEmpty(owner);
        lock (_gate)
        {
            return Store.AcquireDueTimers(new TimerAcquisition(owner, maxTimers, Clock.Now, lockTimeout));
        }
    }

    /// <summary>The open user tasks a user or their groups may work on, by due date (none last) then key.</summary>
    public IReadOnlyList<UserTaskRecord> QueryUserTasks(UserTaskQuery query)
    {
        ArgumentNullException.ThrowIfNull(query);
        lock (_gate)
        {
            return Store.QueryUserTasks(query);
        }
    }

    /// <summary>The history the engine wrote, when the store keeps it; null otherwise.</summary>
    public IHistoryStore? History => Store as IHistoryStore;

    public CommandResult CancelInstance(long processInstanceKey) => Execute(new CancelProcessInstance(processInstanceKey));

    public CommandResult ResolveIncident(long incidentKey) => Execute(new ResolveIncident(incidentKey));

    /// <summary>The compiled process with the id (latest version, or the given one), or null.</summary>
    public ExecutableProcess? GetProcess(string bpmnProcessId, int? version = null)
    {
        lock (_gate)
        {
            return version is { } v ? _repository.FindVersion(bpmnProcessId, v) : _repository.FindLatest(bpmnProcessId);
        }
    }

    /// <summary>The compiled process with the definition key, or null.</summary>
    public ExecutableProcess? GetProcess(long definitionKey)
    {
        lock (_gate)
        {
            return _repository.Find(definitionKey);
        }
    }

    /// <summary>The committed state of an instance, or null.</summary>
    public ProcessInstance? GetInstance(long processInstanceKey)
    {
        lock (_gate)
        {
            return Store.FindInstance(processInstanceKey);
        }
    }

    /// <summary>Every instance, optionally only those of one process.</summary>
    public IReadOnlyList<ProcessInstance> GetInstances(string? bpmnProcessId = null)
    {
        lock (_gate)
        {
            return [.. Store.Instances().Where(i => bpmnProcessId is null || i.BpmnProcessId == bpmnProcessId).OrderBy(i => i.Key)];
        }
    }

    /// <summary>The instances started by call activities of an instance.</summary>
    public IReadOnlyList<ProcessInstance> GetCalledInstances(long parentInstanceKey)
    {
        lock (_gate)
        {
            return [.. Store.Instances().Where(i => i.ParentInstanceKey == parentInstanceKey).OrderBy(i => i.Key)];
        }
    }

    /// <summary>Jobs, optionally of one instance and of one type, oldest first.</summary>
    public IReadOnlyList<JobRecord> GetJobs(long? processInstanceKey = null, string? type = null)
    {
        lock (_gate)
        {
            return [.. Store.Jobs().Where(j => (processInstanceKey is null || j.ProcessInstanceKey == processInstanceKey) && (type is null || j.Type == type)).OrderBy(j => j.Key)];
        }
    }

    /// <summary>Open user tasks, optionally of one instance, oldest first.</summary>
    public IReadOnlyList<UserTaskRecord> GetUserTasks(long? processInstanceKey = null)
    {
        lock (_gate)
        {
            return [.. Store.UserTasks().Where(t => processInstanceKey is null || t.ProcessInstanceKey == processInstanceKey).OrderBy(t => t.Key)];
        }
    }

    /// <summary>Open incidents, optionally of one instance, oldest first.</summary>
    public IReadOnlyList<IncidentRecord> GetIncidents(long? processInstanceKey = null)
    {
        lock (_gate)
        {
            return [.. Store.Incidents().Where(i => processInstanceKey is null || i.ProcessInstanceKey == processInstanceKey).OrderBy(i => i.Key)];
        }
    }

    /// <summary>Pending timers, optionally of one instance (0: timer start events), earliest first.</summary>
    public IReadOnlyList<TimerRecord> GetTimers(long? processInstanceKey = null)
    {
        lock (_gate)
        {
            return [.. Store.Timers().Where(t => processInstanceKey is null || t.ProcessInstanceKey == processInstanceKey).OrderBy(t => t.DueDate).ThenBy(t => t.Key)];
        }
    }

    /// <summary>Open message and signal subscriptions, optionally of one instance (0: start events).</summary>
    public IReadOnlyList<EventSubscriptionRecord> GetSubscriptions(long? processInstanceKey = null)
    {
        lock (_gate)
        {
            return [.. Store.Subscriptions().Where(s => processInstanceKey is null || s.ProcessInstanceKey == processInstanceKey).OrderBy(s => s.Key)];
        }
    }

    /// <summary>Messages waiting in the buffer (expired ones included until something looks them up).</summary>
    public IReadOnlyList<BufferedMessage> GetBufferedMessages()
    {
        lock (_gate)
        {
            return [.. Store.BufferedMessages().OrderBy(m => m.Key)];
        }
    }

    /// <summary>The variables visible from an element instance of an active instance (nearest scope wins), or the process variables for a process instance key.</summary>
    public IReadOnlyDictionary<string, JsonElement> GetVariables(long processInstanceKey, long? elementInstanceKey = null)
    {
        lock (_gate)
        {
            var instance = Store.FindInstance(processInstanceKey);
            if (instance is null)
            {
                return ProcessInstance.EmptyVariables;
            }

            var element = elementInstanceKey is { } key ? instance.FindElement(key) : instance.Root;
            return element is null ? ProcessInstance.EmptyVariables : ScopeLookup.Collect(element);
        }
    }
}
