namespace Crm.Bpm.Engine.Runtime.Clock;

/// <summary>Lets FEEL's <c>now()</c> and <c>today()</c> read the engine clock, so tests with a manual clock see one notion of now.</summary>
public sealed class ClockTimeProvider(IEngineClock clock) : TimeProvider
{
    /// <inheritdoc/>
    public override DateTimeOffset GetUtcNow() => clock.Now.ToUniversalTime();
}
