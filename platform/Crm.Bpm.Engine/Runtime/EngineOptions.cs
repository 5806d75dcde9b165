using Crm.Bpm.Engine.Runtime.Decisions;
using Crm.Bpm.Engine.Runtime.Expressions;

namespace Crm.Bpm.Engine.Runtime;

/// <summary>How a <see cref="ProcessEngine"/> is set up.</summary>
public sealed record EngineOptions
{
    /// <summary>Whether command results carry the events they produced (off for benchmarks: no history objects unless asked).</summary>
    public bool RecordEvents { get; init; } = true;

    /// <summary>The expression language for conditions, mappings, timers and the rest; FEEL by default.</summary>
    public IExpressionLanguage? ExpressionLanguage { get; init; }

    /// <summary>Evaluates the decisions of business rule tasks, or null when none are deployed.</summary>
    public IDecisionEvaluator? DecisionEvaluator { get; init; }

    /// <summary>The most timer firings one <see cref="Commands.FireDueTimers"/> runs, so a zero-length cycle cannot loop forever.</summary>
    public int MaxTimerFiringsPerCommand { get; init; } = 100_000;

    /// <summary>How many keys the engine reserves from the store at a time (<see cref="Store.IProcessStore.ReserveKeys"/>).</summary>
    public int KeyBlockSize { get; init; } = 1000;

    /// <summary>How often a command whose commit met a concurrent change is run again on fresh state before it ends in <see cref="Commands.CommandErrorCode.Conflict"/>.</summary>
    public int ConflictRetries { get; init; } = 10;

    /// <summary>How long a command is retried, with back-off, while the store is unavailable before it ends in <see cref="Commands.CommandErrorCode.Unavailable"/>.</summary>
    public TimeSpan UnavailableRetryTime { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>How much history every command writes.</summary>
    public History.HistoryLevel HistoryLevel { get; init; } = History.HistoryLevel.Activity;
}
