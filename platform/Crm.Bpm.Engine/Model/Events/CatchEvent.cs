using Crm.Bpm.Engine.Model.Data;

namespace Crm.Bpm.Engine.Model.Events;

/// <summary>An event that waits for a trigger: start, intermediate catch or boundary.</summary>
public abstract record CatchEvent : Event
{
    public bool ParallelMultiple { get; init; }

    public IReadOnlyList<EventDefinition> EventDefinitions { get; init; } = [];

    /// <summary>Raw ids of shared event definitions (<c>eventDefinitionRef</c>) defined at the root.</summary>
    public IReadOnlyList<string> EventDefinitionRefs { get; init; } = [];

    public IReadOnlyList<DataOutput> DataOutputs { get; init; } = [];

    public IReadOnlyList<DataOutputAssociation> DataOutputAssociations { get; init; } = [];

    public OutputSet? OutputSet { get; init; }

    public override IEnumerable<BaseElement> OwnedElements()
    {
        foreach (var owned in base.OwnedElements())
        {
            yield return owned;
        }

        foreach (var owned in EventDefinitions)
        {
            yield return owned;
        }

        foreach (var owned in DataOutputs)
        {
            yield return owned;
        }

        foreach (var owned in DataOutputAssociations)
        {
            yield return owned;
        }

        if (OutputSet is not null)
        {
            yield return OutputSet;
        }
    }
}
