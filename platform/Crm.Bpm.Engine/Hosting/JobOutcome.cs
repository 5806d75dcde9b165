using Crm.Bpm.Engine.Runtime.Store;

namespace Crm.Bpm.Engine.Hosting;

/// <summary>What a job handler reports: complete (with variables and effects committed with the completion), fail, or throw a BPMN error.</summary>
public sealed class JobOutcome
{
    private JobOutcome(JobOutcomeKind kind)
    {
        Kind = kind;
    }

    public JobOutcomeKind Kind { get; }

    /// <summary>Variables merged into the instance (complete) or carried by the error (error), or null.</summary>
    public IReadOnlyDictionary<string, object?>? Variables { get; private init; }

    /// <summary>Side effects the store applies in the same transaction as the job's completion, so they happen exactly once with it.</summary>
    public IReadOnlyList<ICommitEffect>? Effects { get; private init; }

    /// <summary>Why the job failed, or the BPMN error's message.</summary>
    public string? ErrorMessage { get; private init; }

    /// <summary>The BPMN error code of an <see cref="JobOutcomeKind.Error"/> outcome.</summary>
    public string? ErrorCode { get; private init; }

    /// <summary>For a failure: the back-off before the retry, or null for the executor's exponential back-off.</summary>
    public TimeSpan? RetryBackoff { get; private init; }

    /// <summary>For a failure: the retries left after it, or null for one fewer than the job had.</summary>
    public int? Retries { get; private init; }

    /// <summary>The work is done; the task completes with the variables, and the effects commit with it.</summary>
    public static JobOutcome Complete(IReadOnlyDictionary<string, object?>? variables = null, IReadOnlyList<ICommitEffect>? effects = null) =>
        new(JobOutcomeKind.Complete) { Variables = variables, Effects = effects };

    /// <summary>The work failed; retried after <paramref name="retryBackoff"/> (default: exponential) while retries are left.</summary>
    public static JobOutcome Fail(string message, TimeSpan? retryBackoff = null, int? retries = null)
    {
        ArgumentNullException.ThrowIfNull(message);
        if (retries < 0)
        {
            throw new ArgumentOutOfRangeException(nameof(retries), retries, "Retries cannot be negative.");
        }

        return new(JobOutcomeKind.Fail) { ErrorMessage = message, RetryBackoff = retryBackoff, Retries = retries };
    }

    /// <summary>A business error: the BPMN error with <paramref name="errorCode"/> is thrown at the task (caught by a boundary event or event sub-process).</summary>
    public static JobOutcome Error(string errorCode, string? message = null, IReadOnlyDictionary<string, object?>? variables = null)
    {
        ArgumentException.ThrowIfNullOrEmpty(errorCode);
        return new(JobOutcomeKind.Error) { ErrorCode = errorCode, ErrorMessage = message, Variables = variables };
    }

    /// <inheritdoc/>
    public override string ToString() => Kind switch
    {
        JobOutcomeKind.Complete => "complete",
        JobOutcomeKind.Fail => $"fail: {ErrorMessage}",
        _ => $"error {ErrorCode}: {ErrorMessage}",
    };
}
