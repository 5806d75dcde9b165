using Crm.Bpm.Engine.Runtime.Timers;

namespace Crm.Bpm.Engine.ProcessTests.Steps;

/// <summary>Moves the engine clock forward; every timer that falls due fires at its own due time (<c>advanceClock</c>).</summary>
public sealed record AdvanceClockStep(IsoDuration Duration, string Text) : ProcessTestStep
{
    public override string Keyword => "advanceClock";
}
