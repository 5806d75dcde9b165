using System.Text.Json;
using Crm.Bpm.Engine.Runtime.Compilation;
using Crm.Bpm.Engine.Runtime.Instances;
using Crm.Bpm.Engine.Runtime.Variables;

namespace Crm.Bpm.Engine.Runtime.Store;

/// <summary>Takes a process instance apart into instance, element and variable rows and puts it together again, so a database store writes only the rows a command changed.</summary>
/// <remarks>
/// <see cref="Compose"/> of <see cref="Decompose"/> gives an instance that behaves exactly as the original; the
/// JSON in <see cref="InstanceRow.Data"/> and <see cref="ElementRow.Data"/> is engine-private and kept as it is.
/// </remarks>
public static class ProcessInstanceRows
{
    /// <summary>The rows of an instance.</summary>
    public static InstanceRows Decompose(ProcessInstance instance)
    {
        ArgumentNullException.ThrowIfNull(instance);
        var root = instance.Root;
        var row = new InstanceRow
        {
            Key = instance.Key,
            ProcessDefinitionKey = instance.Definition.Key,
            BpmnProcessId = instance.BpmnProcessId,
            State = instance.State,
            Version = instance.Version,
            ParentInstanceKey = instance.ParentInstanceKey,
            ParentElementInstanceKey = instance.ParentElementInstanceKey,
            StartTime = instance.StartTime,
            EndTime = instance.EndTime,
            Data = ProcessInstanceSerializer.BookkeepingJson(root, withState: true),
        };
        var elements = new List<ElementRow>(instance.Elements.Count);
        var variables = new List<VariableRow>();
        AddVariables(variables, instance.Key, root);
        foreach (var element in instance.Elements)
        {
            if (ReferenceEquals(element, root))
            {
                continue;
            }

            elements.Add(new ElementRow
            {
                Key = element.Key,
                ProcessInstanceKey = instance.Key,
                ParentKey = element.Parent?.Key ?? instance.Key,
                ElementId = element.ElementId,
                State = element.State,
                Data = ProcessInstanceSerializer.BookkeepingJson(element),
            });
            AddVariables(variables, instance.Key, element);
        }

        return new InstanceRows(row, elements, variables);
    }

    /// <summary>The instance the rows describe, against its compiled definition.</summary>
    /// <exception cref="InvalidDataException">The rows name an element the definition lacks, or a parent that is not among them.</exception>
    public static ProcessInstance Compose(ExecutableProcess definition, InstanceRow instance, IEnumerable<ElementRow> elements, IEnumerable<VariableRow> variables)
    {
        ArgumentNullException.ThrowIfNull(definition);
        ArgumentNullException.ThrowIfNull(instance);
        ArgumentNullException.ThrowIfNull(elements);
        ArgumentNullException.ThrowIfNull(variables);
        var root = ProcessInstanceSerializer.FromBookkeeping(instance.Key, definition.ProcessNode.Id, null, instance.Data, definition);
        var result = new ProcessInstance(instance.Key, definition, root)
        {
            State = instance.State,
            Version = instance.Version,
            ParentInstanceKey = instance.ParentInstanceKey,
            ParentElementInstanceKey = instance.ParentElementInstanceKey,
            StartTime = instance.StartTime,
            EndTime = instance.EndTime,
        };
        var byKey = new Dictionary<long, ElementInstance> { [root.Key] = root };

        // Keys grow as elements are created, so key order puts every parent before its children.
        var rows = elements.ToList();
        rows.Sort(static (a, b) => a.Key.CompareTo(b.Key));
        foreach (var row in rows)
        {
            var element = ProcessInstanceSerializer.FromBookkeeping(row.Key, row.ElementId, row.State, row.Data, definition);
            byKey[row.Key] = element;
            result.Add(element);
        }

        foreach (var row in rows)
        {
            byKey[row.Key].Parent = byKey.TryGetValue(row.ParentKey, out var parent)
                ? parent
                : throw new InvalidDataException($"Element instance {row.Key} names parent {row.ParentKey}, which is not in instance {instance.Key}.");
        }

        foreach (var variable in variables)
        {
            if (!byKey.TryGetValue(variable.ScopeKey, out var scope))
            {
                throw new InvalidDataException($"Variable '{variable.Name}' belongs to scope {variable.ScopeKey}, which is not in instance {instance.Key}.");
            }

            (scope.LocalVariables ??= new Dictionary<string, JsonElement>(StringComparer.Ordinal))[variable.Name] = JsonValues.Parse(variable.Value);
        }

        if (result.State != ProcessInstanceState.Active)
        {
            result.Compact();
        }

        return result;
    }

    /// <summary>The rows that differ between two decompositions of one instance; with no <paramref name="before"/>, every row is added.</summary>
    public static InstanceRowDiff Diff(InstanceRows? before, InstanceRows after)
    {
        ArgumentNullException.ThrowIfNull(after);
        if (before is null)
        {
            return new InstanceRowDiff { Instance = after.Instance, AddedElements = after.Elements, AddedVariables = after.Variables };
        }

        var oldElements = new Dictionary<long, ElementRow>(before.Elements.Count);
        foreach (var row in before.Elements)
        {
            oldElements[row.Key] = row;
        }

        var added = new List<ElementRow>();
        var changed = new List<ElementRow>();
        foreach (var row in after.Elements)
        {
            if (!oldElements.Remove(row.Key, out var old))
            {
                added.Add(row);
            }
            else if (old != row)
            {
                changed.Add(row);
            }
        }

        var oldVariables = new Dictionary<(long, string), VariableRow>(before.Variables.Count);
        foreach (var row in before.Variables)
        {
            oldVariables[(row.ScopeKey, row.Name)] = row;
        }

        var addedVariables = new List<VariableRow>();
        var changedVariables = new List<VariableRow>();
        foreach (var row in after.Variables)
        {
            if (!oldVariables.Remove((row.ScopeKey, row.Name), out var old))
            {
                addedVariables.Add(row);
            }
            else if (old.Value != row.Value)
            {
                changedVariables.Add(row);
            }
        }

        return new InstanceRowDiff
        {
            Instance = after.Instance,
            AddedElements = added,
            ChangedElements = changed,
            RemovedElements = [.. oldElements.Values],
            AddedVariables = addedVariables,
            ChangedVariables = changedVariables,
            RemovedVariables = [.. oldVariables.Values],
        };
    }

    private static void AddVariables(List<VariableRow> rows, long instanceKey, ElementInstance scope)
    {
        if (scope.LocalVariables is not { Count: > 0 } variables)
        {
            return;
        }

        foreach (var (name, value) in variables)
        {
            rows.Add(new VariableRow(instanceKey, scope.Key, name, JsonValues.ToJson(value)));
        }
    }
}
