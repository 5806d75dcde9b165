namespace Crm.Bpm.Engine.ProcessTests.Expectations;

/// <summary>An open incident at an element, optionally of a type and with a message containing some text.</summary>
public sealed record IncidentExpectation(string Element, int Line)
{
    /// <summary>The incident type as the engine names it (<c>JobNoRetries</c>, <c>ConditionError</c>...), or null.</summary>
    public string? Type { get; init; }

    /// <summary>Text the incident message must contain, or null.</summary>
    public string? MessageContains { get; init; }
}
