using Crm.Bpm.Engine.Model.Data;
using Crm.Bpm.Engine.Model.Processes;

namespace Crm.Bpm.Engine.Model.Activities;

/// <summary>Work done in a process: a task, a sub-process or a call activity (BPMN 2.0.2 §10.3).</summary>
public abstract record Activity : FlowNode
{
    public bool IsForCompensation { get; init; }

    public int StartQuantity { get; init; } = 1;

    public int CompletionQuantity { get; init; } = 1;

    /// <summary>The raw id of the default outgoing sequence flow (<c>default</c>), or null.</summary>
    public string? DefaultRef { get; init; }

    public IoSpecification? IoSpecification { get; init; }

    public IReadOnlyList<Property> Properties { get; init; } = [];

    public IReadOnlyList<DataInputAssociation> DataInputAssociations { get; init; } = [];

    public IReadOnlyList<DataOutputAssociation> DataOutputAssociations { get; init; } = [];

    /// <summary>Standard loop or multi-instance behaviour, or null.</summary>
    public LoopCharacteristics? LoopCharacteristics { get; init; }

    public override IEnumerable<BaseElement> OwnedElements()
    {
        foreach (var owned in base.OwnedElements())
        {
            yield return owned;
        }

        if (IoSpecification is not null)
        {
            yield return IoSpecification;
        }

        foreach (var owned in Properties)
        {
            yield return owned;
        }

        foreach (var owned in DataInputAssociations)
        {
            yield return owned;
        }

        foreach (var owned in DataOutputAssociations)
        {
            yield return owned;
        }

        if (LoopCharacteristics is not null)
        {
            yield return LoopCharacteristics;
        }
    }
}
