namespace Crm.Bpm.Engine.Model.Events;

/// <summary>An <c>error</c> that error events refer to; <see cref="ErrorCode"/> is what catch events match.</summary>
public sealed record Error : RootElement
{
    public string? Name { get; init; }

    public string? ErrorCode { get; init; }

    public string? StructureRef { get; init; }

    public override string ElementName => "error";
}
