namespace Crm.Bpm.Engine.Model.Data;

/// <summary>A <c>property</c>: a named variable of a process, activity or event.</summary>
public sealed record Property : BaseElement
{
    public string? Name { get; init; }

    public string? ItemSubjectRef { get; init; }

    public override string ElementName => "property";
}
