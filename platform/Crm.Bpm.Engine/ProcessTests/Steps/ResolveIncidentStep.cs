namespace Crm.Bpm.Engine.ProcessTests.Steps;

/// <summary>Resolves the oldest open incident at an element (<c>resolveIncident</c>); a job incident gets retries back.</summary>
public sealed record ResolveIncidentStep(string Element, int Retries) : ProcessTestStep
{
    public override string Keyword => "resolveIncident";
}
