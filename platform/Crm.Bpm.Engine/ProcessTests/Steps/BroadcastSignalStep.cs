using System.Text.Json;

namespace Crm.Bpm.Engine.ProcessTests.Steps;

/// <summary>Broadcasts a signal to every subscriber (<c>broadcastSignal</c>).</summary>
public sealed record BroadcastSignalStep(string Name, IReadOnlyDictionary<string, JsonElement> Variables) : ProcessTestStep
{
    public override string Keyword => "broadcastSignal";
}
