using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Crm.Bpm.Engine.Hosting;
using Crm.Bpm.Feel;
using Crm.Bpm.Feel.Evaluation;
using Crm.Bpm.Feel.Json;
using Crm.Bpm.Feel.Values;

namespace Crm.Bpm.Connectors.Jobs;

/// <summary>The inputs of one job as a connector reads them: a task header (a constant, or FEEL when it starts with <c>=</c>) wins over a job variable of the same name.</summary>
/// <remarks>
/// Camunda's connectors take their inputs from <c>zeebe:input</c> mappings (job variables, already evaluated by the
/// engine) and <c>zeebe:taskHeaders</c> (constant text); a header written <c>=expr</c> is evaluated here as FEEL over the
/// job's variables, so a template can offer either binding.
/// </remarks>
public sealed class JobInputs
{
    private readonly JobContext _job;
    private JsonObject? _variables;

    public JobInputs(JobContext job)
    {
        ArgumentNullException.ThrowIfNull(job);
        _job = job;
    }

    /// <summary>The job's type, for messages.</summary>
    public string Type => _job.Job.Type;

    /// <summary>The job's variables as one JSON object (a copy).</summary>
    public JsonObject Variables => _variables ??= ToObject(_job.Variables);

    /// <summary>The input as JSON: the header (FEEL evaluated, or its text), else the variable, else null.</summary>
    public JsonNode? Node(string name)
    {
        if (_job.CustomHeaders.TryGetValue(name, out var header))
        {
            return FeelCompiler.IsZeebeExpression(header) ? Evaluate(name, header) : JsonValue.Create(header);
        }

        return _job.Variables.TryGetValue(name, out var value) ? JsonNode.Parse(value.GetRawText()) : null;
    }

    /// <summary>The input as text (numbers and booleans in their JSON form), or null when absent or empty.</summary>
    public string? Text(string name)
    {
        var node = Node(name);
        if (node is null)
        {
            return null;
        }

        var text = node.GetValueKind() == JsonValueKind.String ? node.GetValue<string>() : node.ToJsonString();
        return string.IsNullOrWhiteSpace(text) ? null : text.Trim();
    }

    /// <summary>The input as text, or a <see cref="ConnectorInputException"/> naming what to set.</summary>
    public string RequiredText(string name) =>
        Text(name) ?? throw new ConnectorInputException($"Job '{Type}' needs the input '{name}': set the task header '{name}' or map a variable '{name}' into the task.");

    /// <summary>The input as a JSON object, or null when absent.</summary>
    public JsonObject? Object(string name)
    {
        var node = Node(name);
        return node switch
        {
            null => null,
            JsonObject o => o,
            JsonValue v when v.GetValueKind() == JsonValueKind.String && TryParseObject(v.GetValue<string>()) is { } parsed => parsed,
            _ => throw new ConnectorInputException($"Job '{Type}': the input '{name}' must be an object (a FEEL context), not {node.ToJsonString()}."),
        };
    }

    /// <summary>The input as a whole number, or <paramref name="fallback"/> when absent.</summary>
    public int Integer(string name, int fallback)
    {
        var text = Text(name);
        if (text is null)
        {
            return fallback;
        }

        return decimal.TryParse(text, NumberStyles.Number, CultureInfo.InvariantCulture, out var number) && number == decimal.Truncate(number) && number is >= int.MinValue and <= int.MaxValue
            ? (int)number
            : throw new ConnectorInputException($"Job '{Type}': the input '{name}' must be a whole number, not '{text}'.");
    }

    /// <summary>The input as a boolean, or <paramref name="fallback"/> when absent.</summary>
    public bool Boolean(string name, bool fallback)
    {
        var text = Text(name);
        return text is null
            ? fallback
            : bool.TryParse(text, out var value) ? value : throw new ConnectorInputException($"Job '{Type}': the input '{name}' must be true or false, not '{text}'.");
    }

    /// <summary>The input as a list of texts: a JSON array, or text separated by commas or semicolons.</summary>
    public IReadOnlyList<string> List(string name)
    {
        var node = Node(name);
        return node switch
        {
            null => [],
            JsonArray array => [.. array.Where(n => n is not null).Select(n => n!.GetValueKind() == JsonValueKind.String ? n.GetValue<string>().Trim() : n.ToJsonString()).Where(s => s.Length > 0)],
            _ => [.. (Text(name) ?? string.Empty).Split([',', ';'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)],
        };
    }

    /// <summary>The name of the variable a connector writes its result to (header <c>resultVariable</c>), or <paramref name="fallback"/>.</summary>
    public string ResultVariable(string fallback) => _job.CustomHeaders.TryGetValue("resultVariable", out var name) && !string.IsNullOrWhiteSpace(name) ? name.Trim() : fallback;

    /// <summary>The BPMN error code a connector throws for business failures (header <c>errorCode</c>), or null to fail the job instead.</summary>
    public string? ErrorCode => _job.CustomHeaders.TryGetValue("errorCode", out var code) && !string.IsNullOrWhiteSpace(code) ? code.Trim() : null;

    /// <summary>Evaluates a FEEL text (with or without the leading <c>=</c>) over the job's variables and <paramref name="extra"/>.</summary>
    public JsonNode? Evaluate(string what, string text, IReadOnlyDictionary<string, JsonNode?>? extra = null)
    {
        var compiled = FeelCompiler.CompileZeebeValue(FeelCompiler.IsZeebeExpression(text) ? text : "=" + text);
        if (!compiled.Succeeded)
        {
            throw new ConnectorInputException($"Job '{Type}': the expression of '{what}' is not valid FEEL: {string.Join("; ", compiled.Diagnostics.Select(d => d.Message))}");
        }

        FeelScope scope = new JsonObjectScope(Variables);
        if (extra is not null)
        {
            var own = new JsonObject();
            foreach (var (key, node) in extra)
            {
                own[key] = node?.DeepClone();
            }

            scope = new JsonObjectScope(own, scope);
        }

        var context = new FeelEvaluationContext(scope);
        var value = compiled.Value!.Evaluate(context);
        if (value is FeelNull && context.HasWarnings)
        {
            throw new ConnectorInputException($"Job '{Type}': the expression of '{what}' ({text.Trim()}) failed: {string.Join("; ", context.Warnings.Select(w => w.Message))}");
        }

        return FeelJson.ToJsonNode(value);
    }

    private static JsonObject ToObject(IReadOnlyDictionary<string, JsonElement> variables)
    {
        var result = new JsonObject();
        foreach (var (name, value) in variables)
        {
            result[name] = JsonNode.Parse(value.GetRawText());
        }

        return result;
    }

    private static JsonObject? TryParseObject(string text)
    {
        if (!text.TrimStart().StartsWith('{'))
        {
            return null;
        }

        try
        {
            return JsonNode.Parse(text) as JsonObject;
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
