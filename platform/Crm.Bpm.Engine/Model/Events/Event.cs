using Crm.Bpm.Engine.Model.Data;
using Crm.Bpm.Engine.Model.Processes;

namespace Crm.Bpm.Engine.Model.Events;

/// <summary>Something that happens in a process: start, end, intermediate or boundary event (BPMN 2.0.2 §10.5).</summary>
public abstract record Event : FlowNode
{
    public IReadOnlyList<Property> Properties { get; init; } = [];

    public override IEnumerable<BaseElement> OwnedElements()
    {
        foreach (var owned in base.OwnedElements())
        {
            yield return owned;
        }

        foreach (var owned in Properties)
        {
            yield return owned;
        }
    }
}
