using System.Buffers;
using System.Text.Json;
using Crm.Bpm.Engine.Runtime.Compilation;
using Crm.Bpm.Engine.Runtime.Instances;
using Crm.Bpm.Engine.Runtime.Variables;

namespace Crm.Bpm.Engine.Runtime.Store;

/// <summary>Writes a process instance's whole state (execution tree, variables, join counters, loop and compensation bookkeeping) as one JSON document and reads it back, for stores that keep an instance as a unit.</summary>
/// <remarks>Nodes are written by element id and resolved against the instance's compiled definition when read, so a store keeps only the definition key.</remarks>
public static class ProcessInstanceSerializer
{
    /// <summary>The instance as UTF-8 JSON.</summary>
    public static byte[] Serialize(ProcessInstance instance)
    {
        ArgumentNullException.ThrowIfNull(instance);
        var buffer = new ArrayBufferWriter<byte>(512);
        using (var w = new Utf8JsonWriter(buffer))
        {
            w.WriteStartObject();
            w.WriteNumber("key", instance.Key);
            w.WriteNumber("definitionKey", instance.Definition.Key);
            w.WriteString("state", instance.State.ToString());
            w.WriteNumber("version", instance.Version);
            w.WriteNumber("parentInstanceKey", instance.ParentInstanceKey);
            w.WriteNumber("parentElementInstanceKey", instance.ParentElementInstanceKey);
            w.WriteString("startTime", instance.StartTime);
            if (instance.EndTime is { } end)
            {
                w.WriteString("endTime", end);
            }

            w.WritePropertyName("root");
            WriteElement(w, instance.Root);
            w.WriteStartArray("elements");
            foreach (var element in instance.Elements)
            {
                if (!ReferenceEquals(element, instance.Root))
                {
                    WriteElement(w, element);
                }
            }

            w.WriteEndArray();
            w.WriteEndObject();
        }

        return buffer.WrittenSpan.ToArray();
    }

    /// <summary>Reads an instance written by <see cref="Serialize"/>; <paramref name="definitions"/> finds the compiled process by definition key.</summary>
    /// <exception cref="InvalidDataException">The JSON is not an instance, or names a definition or element that does not exist.</exception>
    public static ProcessInstance Deserialize(ReadOnlySpan<byte> json, Func<long, ExecutableProcess?> definitions)
    {
        ArgumentNullException.ThrowIfNull(definitions);
        using var document = JsonDocument.Parse(json.ToArray());
        var root = document.RootElement;
        var definitionKey = root.GetProperty("definitionKey").GetInt64();
        var definition = definitions(definitionKey) ?? throw new InvalidDataException($"Process definition {definitionKey} is not deployed.");
        var byKey = new Dictionary<long, ElementInstance>();
        var rootElement = ReadElement(root.GetProperty("root"), definition, byKey);
        var instance = new ProcessInstance(root.GetProperty("key").GetInt64(), definition, rootElement)
        {
            State = Enum.Parse<ProcessInstanceState>(root.GetProperty("state").GetString()!),
            Version = root.GetProperty("version").GetInt32(),
            ParentInstanceKey = root.GetProperty("parentInstanceKey").GetInt64(),
            ParentElementInstanceKey = root.GetProperty("parentElementInstanceKey").GetInt64(),
            StartTime = root.GetProperty("startTime").GetDateTimeOffset(),
            EndTime = root.TryGetProperty("endTime", out var end) ? end.GetDateTimeOffset() : null,
        };
        var parents = new List<(ElementInstance Element, long ParentKey)>();
        foreach (var item in root.GetProperty("elements").EnumerateArray())
        {
            var element = ReadElement(item, definition, byKey);
            parents.Add((element, item.GetProperty("parent").GetInt64()));
            instance.Add(element);
        }

        foreach (var (element, parentKey) in parents)
        {
            element.Parent = byKey.TryGetValue(parentKey, out var parent) ? parent : throw new InvalidDataException($"Element instance {element.Key} names parent {parentKey}, which is not in the instance.");
        }

        if (instance.State != ProcessInstanceState.Active)
        {
            instance.Compact();
        }

        return instance;
    }

    private static void WriteElement(Utf8JsonWriter w, ElementInstance e)
    {
        w.WriteStartObject();
        w.WriteNumber("key", e.Key);
        w.WriteString("node", e.Node.Id);
        w.WriteNumber("parent", e.Parent?.Key ?? 0);
        w.WriteString("role", e.Role.ToString());
        w.WriteString("state", e.State.ToString());
        if (e.LocalVariables is { Count: > 0 } variables)
        {
            w.WriteStartObject("variables");
            foreach (var (name, value) in variables)
            {
                w.WritePropertyName(name);
                JsonValues.WriteValue(w, value);
            }

            w.WriteEndObject();
        }

        WriteBookkeeping(w, e);
        w.WriteEndObject();
    }

    /// <summary>The element's engine-private state without its identity and variables, as JSON (the Data of an element row).</summary>
    internal static string BookkeepingJson(ElementInstance e, bool withState = false)
    {
        var buffer = new ArrayBufferWriter<byte>(256);
        using (var w = new Utf8JsonWriter(buffer))
        {
            w.WriteStartObject();
            w.WriteString("role", e.Role.ToString());
            if (withState)
            {
                w.WriteString("state", e.State.ToString());
            }

            WriteBookkeeping(w, e);
            w.WriteEndObject();
        }

        return System.Text.Encoding.UTF8.GetString(buffer.WrittenSpan);
    }

    /// <summary>Reads an element instance from its identity and the JSON written by <see cref="BookkeepingJson"/>.</summary>
    internal static ElementInstance FromBookkeeping(long key, string elementId, ElementState? state, string data, ExecutableProcess definition)
    {
        using var document = JsonDocument.Parse(data);
        var json = document.RootElement;
        var element = new ElementInstance(key, Node(definition, elementId), null, Enum.Parse<ElementRole>(json.GetProperty("role").GetString()!))
        {
            State = state ?? Enum.Parse<ElementState>(json.GetProperty("state").GetString()!),
        };
        ReadBookkeeping(json, element, definition);
        return element;
    }

    private static void WriteBookkeeping(Utf8JsonWriter w, ElementInstance e)
    {
        w.WriteNumber("tokens", e.Tokens);
        if (e.JoinCounts is { } counts)
        {
            w.WriteStartArray("joinCounts");
            foreach (var count in counts)
            {
                w.WriteNumberValue(count);
            }

            w.WriteEndArray();
        }

        w.WriteNumber("epoch", e.Epoch);
        w.WriteNumber("waitKey", e.WaitKey);
        w.WriteNumber("incidentKey", e.IncidentKey);
        if (e.Owned is { Count: > 0 } owned)
        {
            w.WriteStartArray("owned");
            foreach (var o in owned)
            {
                w.WriteStartObject();
                w.WriteNumber("key", o.Key);
                w.WriteBoolean("timer", o.IsTimer);
                w.WriteString("node", o.Node.Id);
                w.WriteEndObject();
            }

            w.WriteEndArray();
        }

        w.WriteNumber("loopIndex", e.LoopIndex);
        if (e.Items.ValueKind != JsonValueKind.Undefined)
        {
            w.WritePropertyName("items");
            e.Items.WriteTo(w);
        }

        w.WriteNumber("itemCount", e.ItemCount);
        w.WriteNumber("completed", e.CompletedCount);
        w.WriteNumber("terminated", e.TerminatedCount);
        w.WriteBoolean("interrupted", e.Interrupted);
        w.WriteBoolean("triggered", e.IsTriggered);
        w.WriteNumber("compensationThrower", e.CompensationThrowerKey);
        WriteEntries(w, "compensable", e.Compensable);
        WriteEntries(w, "compensationQueue", e.CompensationQueue);
    }

    private static void WriteEntries(Utf8JsonWriter w, string name, List<CompensationEntry>? entries)
    {
        if (entries is null)
        {
            return;
        }

        w.WriteStartArray(name);
        foreach (var entry in entries)
        {
            w.WriteStartObject();
            w.WriteString("activity", entry.Activity.Id);
            w.WriteNumber("key", entry.ElementInstanceKey);
            if (entry.Via is { } via)
            {
                w.WriteString("via", via.Id);
            }

            w.WriteEndObject();
        }

        w.WriteEndArray();
    }

    private static ElementInstance ReadElement(JsonElement json, ExecutableProcess definition, Dictionary<long, ElementInstance> byKey)
    {
        var element = new ElementInstance(json.GetProperty("key").GetInt64(), Node(definition, json.GetProperty("node").GetString()), null, Enum.Parse<ElementRole>(json.GetProperty("role").GetString()!))
        {
            State = Enum.Parse<ElementState>(json.GetProperty("state").GetString()!),
        };
        if (json.TryGetProperty("variables", out var variables))
        {
            element.LocalVariables = new Dictionary<string, JsonElement>(StringComparer.Ordinal);
            foreach (var property in variables.EnumerateObject())
            {
                element.LocalVariables[property.Name] = property.Value.Clone();
            }
        }

        ReadBookkeeping(json, element, definition);
        byKey[element.Key] = element;
        return element;
    }

    private static void ReadBookkeeping(JsonElement json, ElementInstance element, ExecutableProcess definition)
    {
        element.Tokens = json.GetProperty("tokens").GetInt32();
        element.Epoch = json.GetProperty("epoch").GetInt32();
        element.WaitKey = json.GetProperty("waitKey").GetInt64();
        element.IncidentKey = json.GetProperty("incidentKey").GetInt64();
        element.LoopIndex = json.GetProperty("loopIndex").GetInt32();
        element.ItemCount = json.GetProperty("itemCount").GetInt32();
        element.CompletedCount = json.GetProperty("completed").GetInt32();
        element.TerminatedCount = json.GetProperty("terminated").GetInt32();
        element.Interrupted = json.GetProperty("interrupted").GetBoolean();
        element.IsTriggered = json.GetProperty("triggered").GetBoolean();
        element.CompensationThrowerKey = json.GetProperty("compensationThrower").GetInt64();
        if (json.TryGetProperty("joinCounts", out var counts))
        {
            element.JoinCounts = [.. counts.EnumerateArray().Select(c => c.GetInt32())];
        }

        if (json.TryGetProperty("owned", out var owned))
        {
            element.Owned = [.. owned.EnumerateArray().Select(o => new OwnedSubscription(o.GetProperty("key").GetInt64(), o.GetProperty("timer").GetBoolean(), Node(definition, o.GetProperty("node").GetString())))];
        }

        if (json.TryGetProperty("items", out var items))
        {
            element.Items = items.Clone();
        }

        element.Compensable = ReadEntries(json, "compensable", definition);
        element.CompensationQueue = ReadEntries(json, "compensationQueue", definition);
    }

    private static List<CompensationEntry>? ReadEntries(JsonElement json, string name, ExecutableProcess definition)
    {
        if (!json.TryGetProperty(name, out var entries))
        {
            return null;
        }

        return [.. entries.EnumerateArray().Select(e => new CompensationEntry(
            Node(definition, e.GetProperty("activity").GetString()),
            e.GetProperty("key").GetInt64(),
            e.TryGetProperty("via", out var via) ? Node(definition, via.GetString()) : null))];
    }

    private static ExecutableNode Node(ExecutableProcess definition, string? id) =>
        (id is null ? null : definition.FindNode(id)) ?? throw new InvalidDataException($"Process '{definition.BpmnProcessId}' v{definition.Version} has no element '{id}'.");
}
