namespace Crm.Bpm.Engine.ProcessTests;

/// <summary>A process test file: the BPMN and DMN resources it deploys and the cases it runs against them.</summary>
/// <param name="Path">The file's full path; resources are relative to its folder.</param>
/// <param name="Resources">The full paths of the <c>.bpmn</c> and <c>.dmn</c> files to deploy, where each was named.</param>
/// <param name="Cases">The cases, in file order.</param>
public sealed record ProcessTestFile(string Path, IReadOnlyList<Located<string>> Resources, IReadOnlyList<ProcessTestCase> Cases);
