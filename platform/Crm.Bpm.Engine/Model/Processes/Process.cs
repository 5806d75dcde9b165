using Crm.Bpm.Engine.Model.Artifacts;
using Crm.Bpm.Engine.Model.Data;
using Crm.Bpm.Engine.Model.Zeebe;

namespace Crm.Bpm.Engine.Model.Processes;

/// <summary>A <c>process</c>: the top-level flow-element container that the engine runs (BPMN 2.0.2 §10.2).</summary>
/// <remarks>Implements <see cref="IFlowElementsContainer"/>: its flow elements form one scope.</remarks>
public sealed record Process : RootElement, IFlowElementsContainer
{
    public string? Name { get; init; }

    public ProcessType ProcessType { get; init; } = ProcessType.None;

    public bool IsClosed { get; init; }

    /// <summary>The <c>isExecutable</c> flag; null when the file does not say.</summary>
    public bool? IsExecutable { get; init; }

    public string? DefinitionalCollaborationRef { get; init; }

    public IReadOnlyList<Property> Properties { get; init; } = [];

    public IoSpecification? IoSpecification { get; init; }

    public IReadOnlyList<LaneSet> LaneSets { get; init; } = [];

    public IReadOnlyList<FlowElement> FlowElements { get; init; } = [];

    public IReadOnlyList<Artifact> Artifacts { get; init; } = [];

    public IReadOnlyList<string> Supports { get; init; } = [];

    public override string ElementName => "process";

    /// <summary>The Camunda 8 version tag (<c>zeebe:versionTag</c>), or null.</summary>
    public string? VersionTag => Extension<ZeebeVersionTag>()?.Value;

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

        if (IoSpecification is not null)
        {
            yield return IoSpecification;
        }

        foreach (var owned in LaneSets)
        {
            yield return owned;
        }

        foreach (var owned in FlowElements)
        {
            yield return owned;
        }

        foreach (var owned in Artifacts)
        {
            yield return owned;
        }
    }
}
