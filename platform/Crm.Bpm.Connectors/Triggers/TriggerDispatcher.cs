using System.Diagnostics;
using System.Text.Json.Nodes;
using Crm.Bpm.Connectors.Records;
using Crm.Bpm.Engine.Runtime;
using Crm.Bpm.Engine.Runtime.Commands;
using Crm.Bpm.Engine.Runtime.Incidents;
using Crm.Bpm.Engine.Runtime.Store;
using Crm.Bpm.Entities.Events;
using Crm.Bpm.Entities.Records;
using Crm.Bpm.Feel.Evaluation;
using Crm.Bpm.Feel.Json;
using Crm.Bpm.Feel.Values;
using Crm.Bpm.Persistence.Entities;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace Crm.Bpm.Connectors.Triggers;

/// <summary>Delivers record events from the entities outbox to the <c>crm:recordTrigger</c>s of deployed processes: one engine command per matching trigger, committed together with the delivery, so each record change starts or correlates each process exactly once.</summary>
/// <remarks>
/// Events are read in outbox order and locked for this dispatcher (<see cref="RecordEventOutbox.LockPending"/>), so
/// several dispatchers (nodes) share the work. For each trigger of the event's entity and kind, the listed fields and
/// the FEEL condition are checked; a match runs <see cref="StartProcessInstance"/> (start events) or
/// <see cref="CorrelateMessage"/> (catch events) with a <see cref="TriggerDelivered"/> effect, and the event's last
/// command also marks it processed (<see cref="RecordEventProcessed"/>); an event no trigger wants is marked processed
/// on its own. A condition or correlation key that fails opens a <see cref="IncidentType.TriggerConditionError"/>
/// incident (delivered the same way, so it opens once); the record itself was saved long before and stays saved. A
/// command the engine cannot run now (conflict, database unavailable) releases the event to be tried again.
/// </remarks>
public sealed partial class TriggerDispatcher : BackgroundService
{
    private readonly ProcessEngine _engine;
    private readonly RecordEventOutbox _outbox;
    private readonly TriggerDeliveries _deliveries;
    private readonly TriggerCatalogue _catalogue;
    private readonly TriggerDispatcherOptions _options;
    private readonly ILogger _logger;
    private readonly Lock _gate = new();
    private long _refreshedAt;
    private long _started;
    private long _incidents;

    /// <param name="engine">The engine commands run on; its store must be a database store over the same database as <paramref name="entities"/>.</param>
    /// <param name="entities">The records database with the outbox.</param>
    /// <param name="catalogue">The triggers of the deployed processes (reading definitions through a store of its own).</param>
    /// <param name="options">Consumer id, batch size, lock time and poll interval; null for the defaults.</param>
    /// <param name="logger">Where passes that fail and deferred events are logged; null for none.</param>
    public TriggerDispatcher(ProcessEngine engine, EntitiesDatabase entities, TriggerCatalogue catalogue, TriggerDispatcherOptions? options = null, ILogger<TriggerDispatcher>? logger = null)
    {
        ArgumentNullException.ThrowIfNull(engine);
        ArgumentNullException.ThrowIfNull(entities);
        ArgumentNullException.ThrowIfNull(catalogue);
        _engine = engine;
        _outbox = entities.Outbox;
        _deliveries = new TriggerDeliveries(entities);
        _deliveries.EnsureCreated();
        _catalogue = catalogue;
        _options = options ?? new TriggerDispatcherOptions();
        _logger = logger ?? NullLogger<TriggerDispatcher>.Instance;
    }

    /// <summary>Commands this dispatcher committed that started or correlated a process.</summary>
    public long Delivered => Interlocked.Read(ref _started);

    /// <summary>Trigger incidents this dispatcher opened.</summary>
    public long IncidentsRaised => Interlocked.Read(ref _incidents);

    /// <summary>Delivers every event pending now (reading the deployed triggers first) and returns how many events it finished; events it could not finish are released for a later pass.</summary>
    public int DispatchPending()
    {
        lock (_gate)
        {
            _catalogue.Refresh();
            _refreshedAt = Stopwatch.GetTimestamp();
            return DispatchLocked();
        }
    }

    /// <inheritdoc/>
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await Task.Yield();
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                lock (_gate)
                {
                    if (_refreshedAt == 0 || Stopwatch.GetElapsedTime(_refreshedAt) >= _options.CatalogueRefresh)
                    {
                        _catalogue.Refresh();
                        _refreshedAt = Stopwatch.GetTimestamp();
                    }

                    DispatchLocked();
                }
            }
#pragma warning disable CA1031 // The dispatcher must outlive whatever the database throws (restart, outage): log and try again after the poll interval.
            catch (Exception e) when (e is not OutOfMemoryException)
#pragma warning restore CA1031
            {
                LogPassFailed(_logger, _options.ConsumerId, e.GetType().Name, e.Message, e);
            }

            try
            {
                await Task.Delay(_options.PollInterval, stoppingToken).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
        }
    }

    private int DispatchLocked()
    {
        var finished = 0;
        while (true)
        {
            var events = _outbox.LockPending(_options.ConsumerId, _options.BatchSize, _options.LockTimeout);
            if (events.Count == 0)
            {
                return finished;
            }

            var failed = false;
            foreach (var recordEvent in events)
            {
                if (!failed && Dispatch(recordEvent))
                {
                    finished++;
                }
                else
                {
                    // Keep the order: once an event must wait, the later ones of this batch wait too.
                    failed = true;
                    _outbox.Release(recordEvent.Id, _options.ConsumerId);
                }
            }

            if (failed)
            {
                return finished;
            }
        }
    }

    /// <summary>Delivers one event to every trigger that wants it; false when something must be tried again later.</summary>
    private bool Dispatch(RecordEvent recordEvent)
    {
        var candidates = _catalogue.For(recordEvent.Entity, recordEvent.Kind).ToList();
        var delivered = candidates.Count == 0 ? (IReadOnlySet<string>)new HashSet<string>() : _deliveries.DeliveredTriggers(recordEvent.Id);
        var variables = Variables(recordEvent);
        var commands = new List<(RecordTrigger Trigger, EngineCommand Command)>();
        foreach (var trigger in candidates.Where(t => !delivered.Contains(t.Id)))
        {
            if (Decide(trigger, recordEvent, variables) is { } command)
            {
                commands.Add((trigger, command));
            }
        }

        if (commands.Count == 0)
        {
            _outbox.MarkProcessed(recordEvent.Id);
            return true;
        }

        for (var i = 0; i < commands.Count; i++)
        {
            var (trigger, command) = commands[i];
            List<ICommitEffect> effects = [new TriggerDelivered(recordEvent.Id, trigger.Id)];
            if (i == commands.Count - 1)
            {
                effects.Add(new RecordEventProcessed(recordEvent.Id));
            }

            var result = _engine.Execute(command with { Effects = effects });
            if (result.Succeeded)
            {
                Count(command);
                continue;
            }

            if (_deliveries.DeliveredTriggers(recordEvent.Id).Contains(trigger.Id))
            {
                // Another dispatcher took the event over (its lock had expired) and delivered this trigger first.
                continue;
            }

            if (result.Error!.Code is CommandErrorCode.Conflict or CommandErrorCode.Unavailable or CommandErrorCode.Internal)
            {
                LogDeferred(_logger, recordEvent.Id, trigger.Id, result.Error.Code, result.Error.Message);
                return false;
            }

            // The engine refuses the command for good (process or element gone, a message start that is not one): an
            // operator must see it, and the event must not block the outbox.
            var incident = new RaiseIncident(IncidentType.TriggerConditionError, trigger.BpmnProcessId, trigger.ElementId,
                $"The record trigger could not {(trigger.StartsInstance ? "start the process" : $"correlate message '{trigger.MessageName}'")} for {Describe(recordEvent)}: {result.Error.Message}")
            {
                Effects = effects,
            };
            var raised = _engine.Execute(incident);
            if (raised.Succeeded)
            {
                Interlocked.Increment(ref _incidents);
                continue;
            }

            if (raised.Error!.Code is CommandErrorCode.Conflict or CommandErrorCode.Unavailable or CommandErrorCode.Internal)
            {
                return false;
            }

            // The process itself is gone: nothing can hold the incident; record the delivery so the event moves on.
            LogDropped(_logger, recordEvent.Id, trigger.Id, raised.Error.Message);
            _deliveries.TryInsert(recordEvent.Id, trigger.Id);
            if (i == commands.Count - 1)
            {
                _outbox.MarkProcessed(recordEvent.Id);
            }
        }

        return true;
    }

    /// <summary>The command a trigger runs for an event, or null when the event does not concern it.</summary>
    private static EngineCommand? Decide(RecordTrigger trigger, RecordEvent recordEvent, JsonObject variables)
    {
        if (trigger.Problem is { } problem)
        {
            return Incident(trigger, $"{problem} It was not applied to {Describe(recordEvent)}.");
        }

        if (trigger.On == RecordChangeKind.Updated && trigger.Fields.Count > 0 && !recordEvent.ChangedFields.Any(trigger.Fields.Contains))
        {
            return null;
        }

        if (trigger.Condition is { } condition)
        {
            var context = new FeelEvaluationContext(new JsonObjectScope(variables));
            var value = condition.Evaluate(context);
            if (value is FeelBoolean { Value: false })
            {
                return null;
            }

            if (value is not FeelBoolean)
            {
                var why = context.HasWarnings ? string.Join("; ", context.Warnings.Select(w => w.Message)) : $"it gave {FeelJson.ToJsonString(value)}, not true or false";
                return Incident(trigger, $"The condition {condition.Text} of the record trigger on '{trigger.ElementId}' failed for {Describe(recordEvent)}: {why}. No instance was started; the record was saved.");
            }
        }

        var values = ToVariables(variables);
        if (trigger.StartsInstance)
        {
            return new StartProcessInstance(trigger.BpmnProcessId)
            {
                Version = trigger.Version,
                StartElementId = trigger.IsNoneStart ? null : trigger.ElementId,
                Variables = values,
            };
        }

        var keyContext = new FeelEvaluationContext(new JsonObjectScope(variables));
        var key = trigger.CorrelationKey!.Evaluate(keyContext);
        var keyText = key switch
        {
            FeelString s => s.Value,
            FeelNumber => FeelJson.ToJsonString(key),
            _ => null,
        };
        if (keyText is null)
        {
            var why = keyContext.HasWarnings ? string.Join("; ", keyContext.Warnings.Select(w => w.Message)) : $"it gave {FeelJson.ToJsonString(key)}, not a string or number";
            return Incident(trigger, $"The correlation key {trigger.CorrelationKey.Text} of the record trigger on '{trigger.ElementId}' failed for {Describe(recordEvent)}: {why}. No message was correlated; the record was saved.");
        }

        return new CorrelateMessage(trigger.MessageName!, keyText) { Variables = values };
    }

    private static RaiseIncident Incident(RecordTrigger trigger, string message) =>
        new(IncidentType.TriggerConditionError, trigger.BpmnProcessId, trigger.ElementId, message);

    private void Count(EngineCommand command)
    {
        if (command is RaiseIncident)
        {
            Interlocked.Increment(ref _incidents);
        }
        else
        {
            Interlocked.Increment(ref _started);
        }
    }

    /// <summary>The variables a trigger's expressions see and a started instance receives (docs/crm-extensions.md).</summary>
    /// <remarks>The outbox keeps the record after the change only, so <c>previous</c> is null.</remarks>
    private static JsonObject Variables(RecordEvent recordEvent) => new()
    {
        ["record"] = RecordJson.FromSnapshot(recordEvent.Snapshot),
        ["previous"] = null,
        ["entity"] = recordEvent.Entity,
        ["recordId"] = recordEvent.RecordId.ToString("D"),
        ["changedFields"] = new JsonArray([.. recordEvent.ChangedFields.Select(f => (JsonNode)JsonValue.Create(f))]),
        ["event"] = recordEvent.Kind switch
        {
            RecordChangeKind.Created => "created",
            RecordChangeKind.Updated => "updated",
            _ => "deleted",
        },
        ["userId"] = recordEvent.UserId?.ToString("D"),
    };

    private static Dictionary<string, object?> ToVariables(JsonObject variables) =>
        variables.ToDictionary(p => p.Key, p => (object?)p.Value?.DeepClone(), StringComparer.Ordinal);

    private static string Describe(RecordEvent recordEvent) =>
        $"{recordEvent.Entity} record {recordEvent.RecordId:D} ({recordEvent.Kind.ToString().ToLowerInvariant()}, outbox event {recordEvent.Id})";

    [LoggerMessage(Level = LogLevel.Warning, Message = "Trigger dispatcher {Consumer} failed a pass ({Kind}: {Reason}); trying again.")]
    private static partial void LogPassFailed(ILogger logger, string consumer, string kind, string reason, Exception exception);

    [LoggerMessage(Level = LogLevel.Information, Message = "Record event {EventId} for trigger {TriggerId} waits for a later pass: {Code} {Reason}")]
    private static partial void LogDeferred(ILogger logger, long eventId, string triggerId, CommandErrorCode code, string reason);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Record event {EventId} could not reach trigger {TriggerId}, whose process is gone: {Reason}")]
    private static partial void LogDropped(ILogger logger, long eventId, string triggerId, string reason);
}
