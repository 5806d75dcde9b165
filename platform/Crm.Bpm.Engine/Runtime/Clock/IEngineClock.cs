namespace Crm.Bpm.Engine.Runtime.Clock;

/// <summary>The engine's notion of now; it decides which timers are due and stamps every record.</summary>
public interface IEngineClock
{
    DateTimeOffset Now { get; }
}
