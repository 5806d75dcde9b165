namespace Crm.Bpm.Engine.Comparison;

/// <summary>One way two BPMN models differ: which element, which value, and the two sides.</summary>
/// <param name="Kind">Semantic (process meaning) or diagram (layout).</param>
/// <param name="ElementId">The id of the nearest element that has one, or null.</param>
/// <param name="Path">Where in the model, such as <c>process[P1]/userTask[Task_1]/ExtensionElements/Items[0]/Type</c>.</param>
/// <param name="Description">What differs, in words.</param>
/// <param name="Left">The first model's value as text, or null when it has none.</param>
/// <param name="Right">The second model's value as text, or null when it has none.</param>
public sealed record ModelDifference(DifferenceKind Kind, string? ElementId, string Path, string Description, string? Left, string? Right)
{
    public override string ToString() =>
        $"{(Kind == DifferenceKind.Semantic ? "semantic" : "diagram")} [{ElementId ?? "-"}] {Path}: {Description}" +
        (Left is null && Right is null ? "" : $" ('{Left ?? "(none)"}' vs '{Right ?? "(none)"}')");
}
