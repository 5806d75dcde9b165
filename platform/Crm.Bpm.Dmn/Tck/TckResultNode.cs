namespace Crm.Bpm.Dmn.Tck;

/// <summary>An expected result of a test case: the element's name and the value it must have.</summary>
/// <param name="Name">The decision (or service output) whose value is checked.</param>
/// <param name="Expected">The expected value; null when the file gives none.</param>
/// <param name="ErrorResult">Whether the TCK expects an error here, which this runner accepts as a null result.</param>
public sealed record TckResultNode(string Name, TckValue? Expected, bool ErrorResult);
