namespace Crm.Bpm.Engine.Model.Zeebe;

/// <summary>One <c>zeebe:executionListener</c> or <c>zeebe:taskListener</c>: the lifecycle event, the job type and its retries.</summary>
public sealed record ZeebeListener
{
    public string? EventType { get; init; }

    public string? Type { get; init; }

    public string? Retries { get; init; }

    public SourcePosition Position { get; init; }

    /// <summary>Attributes this engine does not know, kept verbatim.</summary>
    public IReadOnlyList<ForeignAttribute> OtherAttributes { get; init; } = [];
}
