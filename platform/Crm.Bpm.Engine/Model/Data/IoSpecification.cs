namespace Crm.Bpm.Engine.Model.Data;

/// <summary>An <c>ioSpecification</c>: the data inputs and outputs of an activity or process (BPMN 2.0.2 §10.4.1).</summary>
public sealed record IoSpecification : BaseElement
{
    public IReadOnlyList<DataInput> DataInputs { get; init; } = [];

    public IReadOnlyList<DataOutput> DataOutputs { get; init; } = [];

    public IReadOnlyList<InputSet> InputSets { get; init; } = [];

    public IReadOnlyList<OutputSet> OutputSets { get; init; } = [];

    public override string ElementName => "ioSpecification";

    public override IEnumerable<BaseElement> OwnedElements()
    {
        foreach (var owned in base.OwnedElements())
        {
            yield return owned;
        }

        foreach (var owned in DataInputs)
        {
            yield return owned;
        }

        foreach (var owned in DataOutputs)
        {
            yield return owned;
        }

        foreach (var owned in InputSets)
        {
            yield return owned;
        }

        foreach (var owned in OutputSets)
        {
            yield return owned;
        }
    }
}
