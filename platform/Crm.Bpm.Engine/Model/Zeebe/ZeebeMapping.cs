namespace Crm.Bpm.Engine.Model.Zeebe;

/// <summary>One <c>zeebe:input</c> or <c>zeebe:output</c>: evaluates <see cref="Source"/> (FEEL) and stores it under <see cref="Target"/>.</summary>
public sealed record ZeebeMapping
{
    public string? Source { get; init; }

    public string? Target { get; init; }

    public SourcePosition Position { get; init; }

    /// <summary>Attributes this engine does not know, kept verbatim.</summary>
    public IReadOnlyList<ForeignAttribute> OtherAttributes { get; init; } = [];
}
