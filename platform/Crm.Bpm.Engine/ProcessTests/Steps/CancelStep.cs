namespace Crm.Bpm.Engine.ProcessTests.Steps;

/// <summary>Cancels the case's process instance (<c>cancel</c>).</summary>
public sealed record CancelStep : ProcessTestStep
{
    public override string Keyword => "cancel";
}
