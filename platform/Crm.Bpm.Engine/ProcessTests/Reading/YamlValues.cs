using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace Crm.Bpm.Engine.ProcessTests.Reading;

/// <summary>Turns YAML values into JSON, resolving plain scalars by the YAML 1.2 core schema (null, booleans, numbers; everything else is text).</summary>
internal static partial class YamlValues
{
    /// <summary>Whether the node is a plain <c>null</c>, <c>~</c> or nothing at all.</summary>
    public static bool IsNull(YamlNode node) =>
        node is YamlScalarNode { Style: ScalarStyle.Plain or ScalarStyle.Any } scalar
        && (scalar.Value is null or "" or "~" or "null" or "Null" or "NULL");

    /// <summary>Converts a node to JSON; on a value JSON cannot hold, reports it and gives null.</summary>
    public static JsonElement ToJson(YamlNode node, ReadContext context)
    {
        var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            Write(writer, node, context);
        }

        using var document = JsonDocument.Parse(buffer.ToArray());
        return document.RootElement.Clone();
    }

    private static void Write(Utf8JsonWriter writer, YamlNode node, ReadContext context)
    {
        switch (node)
        {
            case YamlMappingNode mapping:
                writer.WriteStartObject();
                foreach (var (key, value) in mapping.Children)
                {
                    writer.WritePropertyName(key is YamlScalarNode k ? k.Value ?? "" : key.ToString());
                    Write(writer, value, context);
                }

                writer.WriteEndObject();
                break;
            case YamlSequenceNode sequence:
                writer.WriteStartArray();
                foreach (var item in sequence.Children)
                {
                    Write(writer, item, context);
                }

                writer.WriteEndArray();
                break;
            case YamlScalarNode scalar:
                WriteScalar(writer, scalar, context);
                break;
            default:
                context.Error(node, ProcessTestDiagnosticCodes.BadValue, "This value is not JSON; write a number, text, true/false, null, a list or a mapping.");
                writer.WriteNullValue();
                break;
        }
    }

    private static void WriteScalar(Utf8JsonWriter writer, YamlScalarNode scalar, ReadContext context)
    {
        var text = scalar.Value ?? "";
        if (scalar.Style is not (ScalarStyle.Plain or ScalarStyle.Any))
        {
            writer.WriteStringValue(text);
            return;
        }

        if (IsNull(scalar))
        {
            writer.WriteNullValue();
        }
        else if (text is "true" or "True" or "TRUE")
        {
            writer.WriteBooleanValue(true);
        }
        else if (text is "false" or "False" or "FALSE")
        {
            writer.WriteBooleanValue(false);
        }
        else if (TryNumber(text, out var number))
        {
            writer.WriteRawValue(number);
        }
        else if (SpecialFloat().IsMatch(text))
        {
            context.Error(scalar, ProcessTestDiagnosticCodes.BadValue, $"'{text}' has no JSON form; write a finite number, or quote it to mean text.");
            writer.WriteNullValue();
        }
        else
        {
            writer.WriteStringValue(text);
        }
    }

    /// <summary>Reads a YAML 1.2 core-schema number as JSON number text.</summary>
    public static bool TryNumber(string text, out string json)
    {
        json = "";
        if (Integer().IsMatch(text) || Float().IsMatch(text))
        {
            var trimmed = text.StartsWith('+') ? text[1..] : text;
            if (decimal.TryParse(trimmed, NumberStyles.Float, CultureInfo.InvariantCulture, out var d) && !trimmed.Contains('e', StringComparison.OrdinalIgnoreCase))
            {
                json = d.ToString(CultureInfo.InvariantCulture);
                return true;
            }

            if (double.TryParse(trimmed, NumberStyles.Float, CultureInfo.InvariantCulture, out var x) && double.IsFinite(x))
            {
                json = x.ToString("R", CultureInfo.InvariantCulture);
                return true;
            }

            return false;
        }

        if (Hex().IsMatch(text) && long.TryParse(text.AsSpan(2), NumberStyles.HexNumber, CultureInfo.InvariantCulture, out var hex))
        {
            json = hex.ToString(CultureInfo.InvariantCulture);
            return true;
        }

        return false;
    }

    /// <summary>Describes a node's shape for a message ("a list", "a mapping", "'abc'").</summary>
    public static string Describe(YamlNode node) => node switch
    {
        YamlMappingNode => "a mapping",
        YamlSequenceNode => "a list",
        YamlScalarNode s when IsNull(s) => "nothing",
        YamlScalarNode s => "'" + Shorten(s.Value ?? "") + "'",
        _ => "an alias",
    };

    private static string Shorten(string text)
    {
        var line = text.ReplaceLineEndings(" ");
        return line.Length <= 40 ? line : new StringBuilder(line, 0, 37, 40).Append("...").ToString();
    }

    [GeneratedRegex(@"^[-+]?[0-9]+$")]
    private static partial Regex Integer();

    [GeneratedRegex(@"^[-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)?$")]
    private static partial Regex Float();

    [GeneratedRegex(@"^0x[0-9a-fA-F]+$")]
    private static partial Regex Hex();

    [GeneratedRegex(@"^([-+]?\.(inf|Inf|INF)|\.nan|\.NaN|\.NAN)$")]
    private static partial Regex SpecialFloat();
}
