namespace Crm.Bpm.Engine.Model.Data;

/// <summary>An <c>outputSet</c>: data outputs produced together on completion.</summary>
public sealed record OutputSet : BaseElement
{
    public string? Name { get; init; }

    public IReadOnlyList<string> DataOutputRefs { get; init; } = [];

    public IReadOnlyList<string> OptionalOutputRefs { get; init; } = [];

    public IReadOnlyList<string> WhileExecutingOutputRefs { get; init; } = [];

    public IReadOnlyList<string> InputSetRefs { get; init; } = [];

    public override string ElementName => "outputSet";
}
