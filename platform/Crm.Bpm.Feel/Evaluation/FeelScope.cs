using System.Diagnostics.CodeAnalysis;
using Crm.Bpm.Feel.Values;

namespace Crm.Bpm.Feel.Evaluation;

/// <summary>Names visible to an expression and their values, looked up here first and then in the parent scope.</summary>
/// <remarks>
/// Subclass and override <see cref="TryGetOwnValue"/> to look values up lazily (process variables, for example).
/// Not thread-safe for writes.
/// </remarks>
public class FeelScope
{
    private readonly bool _overridesLookup;
    private Dictionary<string, FeelValue>? _values;

    public FeelScope(FeelScope? parent = null)
    {
        Parent = parent;

        // The plain dictionary scope is the hot path of gateway conditions: skip the virtual call for it.
        _overridesLookup = GetType() != typeof(FeelScope);
    }

    /// <summary>A scope with no names.</summary>
    public static FeelScope Empty { get; } = new();

    /// <summary>The enclosing scope, searched when a name is not found here.</summary>
    public FeelScope? Parent { get; }

    /// <summary>The names defined in this scope itself (not the parents').</summary>
    public virtual IEnumerable<string> OwnNames => _values?.Keys ?? Enumerable.Empty<string>();

    /// <summary>A scope holding the entries of a context.</summary>
    public static FeelScope FromContext(FeelContext context, FeelScope? parent = null)
    {
        ArgumentNullException.ThrowIfNull(context);
        var scope = new FeelScope(parent);
        foreach (var entry in context.Entries)
        {
            scope.Set(entry.Key, entry.Value);
        }

        return scope;
    }

    /// <summary>A scope of name/value pairs.</summary>
    public static FeelScope Of(params (string Name, FeelValue Value)[] entries)
    {
        var scope = new FeelScope();
        foreach (var (name, value) in entries)
        {
            scope.Set(name, value);
        }

        return scope;
    }

    /// <summary>Defines or replaces <paramref name="name"/> in this scope; returns this scope.</summary>
    public FeelScope Set(string name, FeelValue value)
    {
        ArgumentNullException.ThrowIfNull(name);
        ArgumentNullException.ThrowIfNull(value);
        _values ??= new Dictionary<string, FeelValue>(StringComparer.Ordinal);
        _values[name] = value;
        return this;
    }

    /// <summary>Looks a name up here, then in the parents.</summary>
    public bool TryGetValue(string name, [MaybeNullWhen(false)] out FeelValue value)
    {
        for (var scope = this; scope is not null; scope = scope.Parent)
        {
            if (scope._overridesLookup)
            {
                if (scope.TryGetOwnValue(name, out value))
                {
                    return true;
                }
            }
            else if (scope._values is { } values && values.TryGetValue(name, out value))
            {
                return true;
            }
        }

        value = null;
        return false;
    }

    /// <summary>Every name visible from this scope (its own and its parents').</summary>
    public IEnumerable<string> AllNames()
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        for (var scope = this; scope is not null; scope = scope.Parent)
        {
            foreach (var name in scope.OwnNames)
            {
                if (seen.Add(name))
                {
                    yield return name;
                }
            }
        }
    }

    /// <summary>Looks a name up in this scope only.</summary>
    protected virtual bool TryGetOwnValue(string name, [MaybeNullWhen(false)] out FeelValue value)
    {
        if (_values is null)
        {
            value = null;
            return false;
        }

        return _values.TryGetValue(name, out value);
    }
}
