namespace Crm.Bpm.Cli.Hosting;

/// <summary>A command whose options take values (<c>--decision NAME</c>), so the parser knows to read the next word as the value.</summary>
public interface IDeclaresOptions
{
    /// <summary>Names (without <c>--</c>) of options that take a value.</summary>
    IReadOnlyCollection<string> ValueOptions { get; }
}
