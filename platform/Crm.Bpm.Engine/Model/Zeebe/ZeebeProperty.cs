namespace Crm.Bpm.Engine.Model.Zeebe;

/// <summary>One <c>zeebe:property</c> name/value pair.</summary>
public sealed record ZeebeProperty
{
    public string? Name { get; init; }

    public string? Value { get; init; }

    public SourcePosition Position { get; init; }

    /// <summary>Attributes this engine does not know, kept verbatim.</summary>
    public IReadOnlyList<ForeignAttribute> OtherAttributes { get; init; } = [];
}
