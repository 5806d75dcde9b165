using System.Text.Json;
using System.Text.Json.Nodes;
using Crm.Bpm.Engine.Runtime.Incidents;
using Crm.Bpm.Engine.Runtime.Instances;
using Crm.Bpm.Engine.Runtime.Variables;

namespace Crm.Bpm.Engine.Runtime.Execution;

internal sealed partial class Executor
{
    /// <summary>Evaluates the element's <c>zeebe:input</c> mappings in order, each into a local variable of the element.</summary>
    private bool ApplyInputs(ProcessInstance instance, ElementInstance element)
    {
        foreach (var mapping in element.Node.Inputs)
        {
            var result = mapping.Source.Evaluate(_lookup.Reset(element));
            if (!result.Succeeded)
            {
                RaiseIncident(instance, element, IncidentType.ExtractValueError, $"The input mapping {mapping.Source} to '{mapping.Target}' failed: {result.Error}");
                return false;
            }

            var locals = element.LocalVariables ??= new Dictionary<string, JsonElement>(StringComparer.Ordinal);
            var name = mapping.TargetPath[0];
            locals[name] = mapping.TargetPath.Length == 1
                ? result.Value
                : SetPath(locals.TryGetValue(name, out var existing) ? existing : default, mapping.TargetPath, result.Value);
        }

        return true;
    }

    /// <summary>Evaluates every <c>zeebe:output</c> mapping first, then propagates the results from the element's parent scope, so a failure changes nothing.</summary>
    private bool ApplyOutputs(ProcessInstance instance, ElementInstance element)
    {
        var outputs = element.Node.Outputs;
        var values = new JsonElement[outputs.Length];
        for (var i = 0; i < outputs.Length; i++)
        {
            var result = outputs[i].Source.Evaluate(_lookup.Reset(element));
            if (!result.Succeeded)
            {
                RaiseIncident(instance, element, IncidentType.ExtractValueError, $"The output mapping {outputs[i].Source} to '{outputs[i].Target}' failed: {result.Error}");
                return false;
            }

            values[i] = result.Value;
        }

        var parent = element.Parent!;
        for (var i = 0; i < outputs.Length; i++)
        {
            var path = outputs[i].TargetPath;
            if (path.Length == 1)
            {
                Propagate(parent, path[0], values[i]);
            }
            else
            {
                var existing = _lookup.Reset(parent).TryGetVariable(path[0], out var found) ? found : default;
                Propagate(parent, path[0], SetPath(existing, path, values[i]));
            }
        }

        return true;
    }

    /// <summary>Camunda 8 propagation: sets the variable in the nearest scope (from <paramref name="start"/> up) that has it, else on the process instance.</summary>
    private static void Propagate(ElementInstance start, string name, JsonElement value)
    {
        var scope = start;
        while (true)
        {
            if (scope.LocalVariables is { } variables && variables.ContainsKey(name))
            {
                variables[name] = value;
                return;
            }

            if (scope.Parent is null)
            {
                (scope.LocalVariables ??= new Dictionary<string, JsonElement>(StringComparer.Ordinal))[name] = value;
                return;
            }

            scope = scope.Parent;
        }
    }

    private static void SetLocal(ElementInstance element, string name, JsonElement value) =>
        (element.LocalVariables ??= new Dictionary<string, JsonElement>(StringComparer.Ordinal))[name] = value;

    /// <summary>Writes <paramref name="value"/> at a dotted path (<c>a.b.c</c>) into the object <paramref name="existing"/>, creating objects on the way.</summary>
    private static JsonElement SetPath(JsonElement existing, string[] path, JsonElement value)
    {
        var root = existing.ValueKind == JsonValueKind.Object ? JsonNode.Parse(existing.GetRawText())!.AsObject() : [];
        var current = root;
        for (var i = 1; i < path.Length - 1; i++)
        {
            if (current[path[i]] is JsonObject next)
            {
                current = next;
            }
            else
            {
                next = [];
                current[path[i]] = next;
                current = next;
            }
        }

        current[path[^1]] = value.ValueKind == JsonValueKind.Undefined ? null : JsonNode.Parse(value.GetRawText());
        return JsonValues.Parse(root.ToJsonString());
    }

    /// <summary>Sets the variables of a snapshot for a job or task (every variable visible from the element).</summary>
    private static Dictionary<string, JsonElement> VisibleVariables(ElementInstance element) => ScopeLookup.Collect(element);
}
