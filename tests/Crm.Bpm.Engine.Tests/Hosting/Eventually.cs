namespace Crm.Bpm.Engine.Tests.Hosting;

/// <summary>Waits, with a bound, for a condition that background services make true.</summary>
internal static class Eventually
{
    private static readonly TimeSpan DefaultBound = TimeSpan.FromSeconds(30);

    /// <summary>Polls until the condition holds; fails with <paramref name="what"/> when the bound passes first.</summary>
    public static async Task Until(Func<bool> condition, string what, TimeSpan? bound = null)
    {
        var deadline = DateTime.UtcNow + (bound ?? DefaultBound);
        while (!condition())
        {
            if (DateTime.UtcNow > deadline)
            {
                throw new Xunit.Sdk.XunitException($"Still waiting for: {what} (after {(bound ?? DefaultBound).TotalSeconds} s).");
            }

            await Task.Delay(10);
        }
    }
}
