using Crm.Bpm.Engine.Model.Artifacts;

namespace Crm.Bpm.Engine.Model.Collaborations;

/// <summary>A <c>collaboration</c>: pools (participants) and the message flows between them (BPMN 2.0.2 §9).</summary>
public sealed record Collaboration : RootElement
{
    public string? Name { get; init; }

    public bool IsClosed { get; init; }

    public IReadOnlyList<Participant> Participants { get; init; } = [];

    public IReadOnlyList<MessageFlow> MessageFlows { get; init; } = [];

    public IReadOnlyList<Artifact> Artifacts { get; init; } = [];

    public override string ElementName => "collaboration";

    public override IEnumerable<BaseElement> OwnedElements()
    {
        foreach (var owned in base.OwnedElements())
        {
            yield return owned;
        }

        foreach (var owned in Participants)
        {
            yield return owned;
        }

        foreach (var owned in MessageFlows)
        {
            yield return owned;
        }

        foreach (var owned in Artifacts)
        {
            yield return owned;
        }
    }
}
