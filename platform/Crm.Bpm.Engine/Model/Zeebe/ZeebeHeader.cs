namespace Crm.Bpm.Engine.Model.Zeebe;

/// <summary>One <c>zeebe:header</c> key/value pair.</summary>
public sealed record ZeebeHeader
{
    public string? Key { get; init; }

    public string? Value { get; init; }

    public SourcePosition Position { get; init; }

    /// <summary>Attributes this engine does not know, kept verbatim.</summary>
    public IReadOnlyList<ForeignAttribute> OtherAttributes { get; init; } = [];
}
