using System.Collections.Immutable;

namespace Crm.Bpm.Dmn.Evaluation;

/// <summary>The names visible to a FEEL expression at compile time, so the parser can read names that contain spaces.</summary>
internal sealed class NameScope
{
    public static NameScope Empty { get; } = new(ImmutableHashSet<string>.Empty.WithComparer(StringComparer.Ordinal));

    private NameScope(ImmutableHashSet<string> names)
    {
        Names = names;
    }

    public ImmutableHashSet<string> Names { get; }

    public NameScope With(string name) => string.IsNullOrEmpty(name) ? this : new(Names.Add(name));

    public NameScope With(IEnumerable<string> names) => new(Names.Union(names.Where(n => !string.IsNullOrEmpty(n))));
}
