using Crm.Bpm.Engine.Model.Data;

namespace Crm.Bpm.Engine.Model.Events;

/// <summary>An event that produces a result: end or intermediate throw.</summary>
public abstract record ThrowEvent : Event
{
    public IReadOnlyList<EventDefinition> EventDefinitions { get; init; } = [];

    /// <summary>Raw ids of shared event definitions (<c>eventDefinitionRef</c>) defined at the root.</summary>
    public IReadOnlyList<string> EventDefinitionRefs { get; init; } = [];

    public IReadOnlyList<DataInput> DataInputs { get; init; } = [];

    public IReadOnlyList<DataInputAssociation> DataInputAssociations { get; init; } = [];

    public InputSet? InputSet { get; init; }

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

        foreach (var owned in DataInputs)
        {
            yield return owned;
        }

        foreach (var owned in DataInputAssociations)
        {
            yield return owned;
        }

        if (InputSet is not null)
        {
            yield return InputSet;
        }
    }
}
