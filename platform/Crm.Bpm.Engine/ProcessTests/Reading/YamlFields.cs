using System.Globalization;
using System.Text.Json;
using Crm.Bpm.Engine.Runtime.Timers;
using YamlDotNet.RepresentationModel;

namespace Crm.Bpm.Engine.ProcessTests.Reading;

/// <summary>Reads the fields of one YAML mapping, reporting unknown fields (with the closest known one), missing fields and values of the wrong shape.</summary>
internal sealed class YamlFields
{
    private readonly Dictionary<string, YamlNode> _values = new(StringComparer.Ordinal);
    private readonly ReadContext _context;

    public YamlFields(YamlMappingNode mapping, string what, IReadOnlyList<string> allowed, ReadContext context)
    {
        Mapping = mapping;
        What = what;
        _context = context;
        foreach (var (key, value) in mapping.Children)
        {
            var name = key is YamlScalarNode s ? s.Value ?? "" : "";
            if (!allowed.Contains(name))
            {
                context.Error(key, ProcessTestDiagnosticCodes.UnknownField,
                    $"{what} has no field '{name}'.{Suggestions.DidYouMean(name, allowed)} Its fields are: {string.Join(", ", allowed)}.");
                continue;
            }

            _values[name] = value;
        }
    }

    public YamlMappingNode Mapping { get; }

    /// <summary>What the mapping is, for messages ("the case 'x'", "completeTask").</summary>
    public string What { get; }

    public bool Has(string name) => _values.ContainsKey(name);

    public YamlNode? Node(string name) => _values.GetValueOrDefault(name);

    /// <summary>The field as text (a number or boolean is taken as written), or null when absent; when required, its absence is reported.</summary>
    public string? Text(string name, bool required = false, string example = "")
    {
        if (!_values.TryGetValue(name, out var node))
        {
            if (required)
            {
                Missing(name, example);
            }

            return null;
        }

        return Text(node, name, example);
    }

    public string? Text(YamlNode node, string name, string example = "")
    {
        if (node is YamlScalarNode scalar && !YamlValues.IsNull(scalar))
        {
            return scalar.Value;
        }

        Bad(node, name, "text", example);
        return null;
    }

    public int? Integer(string name, int minimum = int.MinValue, string example = "")
    {
        if (!_values.TryGetValue(name, out var node))
        {
            return null;
        }

        if (node is YamlScalarNode { Value: { } text } && int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var value) && value >= minimum)
        {
            return value;
        }

        Bad(node, name, minimum == 0 ? "a whole number, 0 or more" : "a whole number", example);
        return null;
    }

    public bool? Boolean(string name)
    {
        if (!_values.TryGetValue(name, out var node))
        {
            return null;
        }

        if (node is YamlScalarNode { Value: "true" or "True" or "TRUE" })
        {
            return true;
        }

        if (node is YamlScalarNode { Value: "false" or "False" or "FALSE" })
        {
            return false;
        }

        Bad(node, name, "true or false", $"{name}: true");
        return null;
    }

    /// <summary>A list of names; a single name is taken as a list of one.</summary>
    public Located<IReadOnlyList<string>>? Names(string name, string example = "")
    {
        if (!_values.TryGetValue(name, out var node))
        {
            return null;
        }

        return NameList(node, name, example, _context);
    }

    public static Located<IReadOnlyList<string>>? NameList(YamlNode node, string name, string example, ReadContext context)
    {
        if (node is YamlScalarNode single)
        {
            return YamlValues.IsNull(single)
                ? ReadContext.At<IReadOnlyList<string>>([], node)
                : ReadContext.At<IReadOnlyList<string>>([single.Value!], node);
        }

        if (node is YamlSequenceNode sequence)
        {
            var names = new List<string>();
            foreach (var item in sequence.Children)
            {
                if (item is YamlScalarNode { Value: { } text } scalar && !YamlValues.IsNull(scalar))
                {
                    names.Add(text);
                }
                else
                {
                    context.Error(item, ProcessTestDiagnosticCodes.BadValue, $"Each entry of '{name}' must be a name, not {YamlValues.Describe(item)}.{Example(example)}");
                }
            }

            return ReadContext.At<IReadOnlyList<string>>(names, node);
        }

        context.Error(node, ProcessTestDiagnosticCodes.BadValue, $"'{name}' must be a list of names, not {YamlValues.Describe(node)}.{Example(example)}");
        return null;
    }

    /// <summary>A mapping of variable names to JSON values; empty when absent.</summary>
    public IReadOnlyDictionary<string, JsonElement> Variables(string name = "variables")
    {
        var variables = new Dictionary<string, JsonElement>(StringComparer.Ordinal);
        if (!_values.TryGetValue(name, out var node) || YamlValues.IsNull(node))
        {
            return variables;
        }

        if (node is not YamlMappingNode mapping)
        {
            Bad(node, name, "a mapping of variable names to values", $"{name}: {{ amount: 1200, region: \"EU\" }}");
            return variables;
        }

        foreach (var (key, value) in mapping.Children)
        {
            variables[key is YamlScalarNode s ? s.Value ?? "" : ""] = YamlValues.ToJson(value, _context);
        }

        return variables;
    }

    /// <summary>A JSON object (for subset matches); null when absent.</summary>
    public Located<JsonElement>? JsonObject(string name, string example)
    {
        if (!_values.TryGetValue(name, out var node))
        {
            return null;
        }

        if (node is not YamlMappingNode)
        {
            Bad(node, name, "a mapping", example);
            return null;
        }

        return ReadContext.At(YamlValues.ToJson(node, _context), node);
    }

    public TimeSpan? Duration(string name)
    {
        if (!_values.TryGetValue(name, out var node))
        {
            return null;
        }

        return ReadDuration(node, name, _context) is { } d ? d.AddTo(DateTimeOffset.UnixEpoch) - DateTimeOffset.UnixEpoch : null;
    }

    public static IsoDuration? ReadDuration(YamlNode node, string name, ReadContext context)
    {
        if (node is YamlScalarNode { Value: { } text } && IsoDuration.TryParse(text.Trim(), out var duration))
        {
            return duration;
        }

        context.Error(node, ProcessTestDiagnosticCodes.BadValue,
            $"'{name}' must be an ISO 8601 duration such as PT2H (2 hours), PT30M, P1D or P1DT12H, not {YamlValues.Describe(node)}.");
        return null;
    }

    public DateTimeOffset? DateTime(string name)
    {
        if (!_values.TryGetValue(name, out var node))
        {
            return null;
        }

        if (node is YamlScalarNode { Value: { } text } && TimerDates.TryParseDateTime(text.Trim(), out var value))
        {
            return value;
        }

        Bad(node, name, "an ISO 8601 date and time with offset", $"{name}: 2025-01-01T09:00:00Z");
        return null;
    }

    public void Missing(string name, string example = "") =>
        _context.Error(Mapping, ProcessTestDiagnosticCodes.MissingField, $"{What} needs the field '{name}'.{Example(example)}");

    public void Bad(YamlNode node, string name, string expected, string example = "") =>
        _context.Error(node, ProcessTestDiagnosticCodes.BadValue, $"'{name}' must be {expected}, not {YamlValues.Describe(node)}.{Example(example)}");

    public static string Example(string example) => example.Length == 0 ? "" : $" Write, for example: {example}";
}
