using Crm.Bpm.Engine.Model.Processes;

namespace Crm.Bpm.Engine.Model.Data;

/// <summary>A <c>dataStoreReference</c>: a shape on the diagram standing for a data store.</summary>
public sealed record DataStoreReference : FlowElement
{
    public string? ItemSubjectRef { get; init; }

    public string? DataStoreRef { get; init; }

    public override string ElementName => "dataStoreReference";
}
