using System.Text.Json;
using Crm.Bpm.Engine.Runtime.Expressions;
using Crm.Bpm.Engine.Runtime.Instances;

namespace Crm.Bpm.Engine.Runtime.Execution;

/// <summary>The variables visible from an element instance: its own scope first, then each enclosing scope (Camunda 8 variable scoping).</summary>
internal sealed class ScopeLookup : IVariableLookup
{
    private ElementInstance? _start;

    public ScopeLookup Reset(ElementInstance start)
    {
        _start = start;
        return this;
    }

    /// <inheritdoc/>
    public bool TryGetVariable(string name, out JsonElement value)
    {
        for (var scope = _start; scope is not null; scope = scope.Parent)
        {
            if (scope.LocalVariables is { } variables && variables.TryGetValue(name, out value))
            {
                return true;
            }
        }

        value = default;
        return false;
    }

    /// <inheritdoc/>
    public IEnumerable<KeyValuePair<string, JsonElement>> VisibleVariables() => Collect(_start);

    /// <summary>Every variable visible from <paramref name="start"/>, the nearest definition of each name winning.</summary>
    public static Dictionary<string, JsonElement> Collect(ElementInstance? start)
    {
        var result = new Dictionary<string, JsonElement>(StringComparer.Ordinal);
        for (var scope = start; scope is not null; scope = scope.Parent)
        {
            if (scope.LocalVariables is { } variables)
            {
                foreach (var (name, value) in variables)
                {
                    result.TryAdd(name, value);
                }
            }
        }

        return result;
    }
}
