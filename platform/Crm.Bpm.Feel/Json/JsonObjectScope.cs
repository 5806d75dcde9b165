using System.Diagnostics.CodeAnalysis;
using System.Text.Json.Nodes;
using Crm.Bpm.Feel.Evaluation;
using Crm.Bpm.Feel.Values;

namespace Crm.Bpm.Feel.Json;

/// <summary>Process variables held as a JSON object, converted to FEEL only when an expression reads them.</summary>
/// <remarks>Each property is converted once and cached; later changes to the JSON object are not seen. Not thread-safe.</remarks>
public sealed class JsonObjectScope : FeelScope
{
    private readonly JsonObject _variables;
    private readonly Dictionary<string, FeelValue> _converted = new(StringComparer.Ordinal);

    public JsonObjectScope(JsonObject variables, FeelScope? parent = null)
        : base(parent)
    {
        ArgumentNullException.ThrowIfNull(variables);
        _variables = variables;
    }

    /// <inheritdoc />
    public override IEnumerable<string> OwnNames => _variables.Select(p => p.Key);

    /// <inheritdoc />
    protected override bool TryGetOwnValue(string name, [MaybeNullWhen(false)] out FeelValue value)
    {
        if (_converted.TryGetValue(name, out value))
        {
            return true;
        }

        if (!_variables.TryGetPropertyValue(name, out var node))
        {
            value = null;
            return false;
        }

        value = FeelJson.FromJson(node);
        _converted[name] = value;
        return true;
    }
}
