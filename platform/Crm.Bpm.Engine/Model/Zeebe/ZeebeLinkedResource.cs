namespace Crm.Bpm.Engine.Model.Zeebe;

/// <summary>One <c>zeebe:linkedResource</c>.</summary>
public sealed record ZeebeLinkedResource
{
    public string? ResourceId { get; init; }

    public string? ResourceType { get; init; }

    public string? LinkName { get; init; }

    public string? BindingType { get; init; }

    public string? VersionTag { get; init; }

    public SourcePosition Position { get; init; }

    /// <summary>Attributes this engine does not know, kept verbatim.</summary>
    public IReadOnlyList<ForeignAttribute> OtherAttributes { get; init; } = [];
}
