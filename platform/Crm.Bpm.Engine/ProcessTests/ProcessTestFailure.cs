namespace Crm.Bpm.Engine.ProcessTests;

/// <summary>An expectation that did not hold, or a step that could not run, with what happened instead.</summary>
/// <param name="Line">The line of the expectation or step in the test file.</param>
/// <param name="Message">What was expected and what happened instead.</param>
public sealed record ProcessTestFailure(int Line, string Message)
{
    /// <inheritdoc/>
    public override string ToString() => $"line {Line}: {Message}";
}
