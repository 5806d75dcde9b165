using Crm.Bpm.Engine.Model.Processes;

namespace Crm.Bpm.Engine.Model.Data;

/// <summary>A <c>dataObjectReference</c>: a shape on the diagram standing for a data object.</summary>
public sealed record DataObjectReference : FlowElement
{
    public string? ItemSubjectRef { get; init; }

    public string? DataObjectRef { get; init; }

    public override string ElementName => "dataObjectReference";
}
