namespace Crm.Bpm.Engine.Model.Data;

/// <summary>An <c>inputSet</c>: data inputs that together are enough to start.</summary>
public sealed record InputSet : BaseElement
{
    public string? Name { get; init; }

    public IReadOnlyList<string> DataInputRefs { get; init; } = [];

    public IReadOnlyList<string> OptionalInputRefs { get; init; } = [];

    public IReadOnlyList<string> WhileExecutingInputRefs { get; init; } = [];

    public IReadOnlyList<string> OutputSetRefs { get; init; } = [];

    public override string ElementName => "inputSet";
}
