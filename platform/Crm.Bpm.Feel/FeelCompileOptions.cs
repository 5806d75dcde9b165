using Crm.Bpm.Feel.Types;

namespace Crm.Bpm.Feel;

/// <summary>What the parser needs to know beyond the text: the names in scope (so names with spaces and operators can be read) and user-defined types.</summary>
/// <remarks>Treat an options object as immutable once used: its name matcher is built once and cached.</remarks>
public sealed class FeelCompileOptions
{
    /// <summary>Options with no extra names.</summary>
    public static FeelCompileOptions Default { get; } = new();

    /// <summary>
    /// Names that will be in scope at evaluation time (DMN input data, decisions, BKMs, context entries, process
    /// variables). DMN 1.5 §10.3.1.2: names such as <c>Applicant Age</c> or <c>Loan-to-value</c> can only be read
    /// by knowing them. Names without spaces or operator characters need not be listed.
    /// </summary>
    public IReadOnlyCollection<string> KnownNames { get; init; } = [];

    /// <summary>Resolves type names that are not FEEL built-in types (DMN item definitions) for <c>instance of</c>.</summary>
    public Func<string, FeelType?>? TypeResolver { get; init; }

    /// <summary>Options knowing the given names.</summary>
    public static FeelCompileOptions WithNames(IEnumerable<string> names) => new() { KnownNames = names.ToArray() };
}
