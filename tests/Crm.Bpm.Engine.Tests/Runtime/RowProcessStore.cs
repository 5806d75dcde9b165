using Crm.Bpm.Engine.Runtime.Compilation;
using Crm.Bpm.Engine.Runtime.Instances;
using Crm.Bpm.Engine.Runtime.Store;

namespace Crm.Bpm.Engine.Tests.Runtime;

/// <summary>Keeps instances only as instance, element and variable rows, as a database store does: each commit applies just the row diff, each load composes a fresh instance.</summary>
internal sealed class RowProcessStore : ForwardingProcessStore
{
    private readonly Dictionary<long, StoredRows> _rows = [];
    private readonly Dictionary<long, ExecutableProcess> _definitions = [];

    /// <summary>The element and variable rows written by the last commit, per instance.</summary>
    public Dictionary<long, InstanceRowDiff> LastDiffs { get; } = [];

    public override void Commit(StoreChanges changes)
    {
        foreach (var (instance, expected) in changes.Instances)
        {
            var version = _rows.TryGetValue(instance.Key, out var stored) ? stored.Instance.Version : 0;
            if (version != expected)
            {
                throw new StoreConcurrencyException($"Process instance {instance.Key} is at version {version}, not {expected}.");
            }
        }

        var instances = changes.Instances.ToList();
        changes.Instances.Clear();
        base.Commit(changes);
        LastDiffs.Clear();
        foreach (var (instance, _) in instances)
        {
            // The definition travels with every committed instance; a database store compiles it from its source instead.
            _definitions[instance.Definition.Key] = instance.Definition;
            var before = _rows.GetValueOrDefault(instance.Key);
            var diff = ProcessInstanceRows.Diff(before?.ToRows(), ProcessInstanceRows.Decompose(instance));
            _rows[instance.Key] = (before ?? new StoredRows()).Apply(diff);
            LastDiffs[instance.Key] = diff;
        }
    }

    public override ProcessInstance? FindInstance(long key) =>
        _rows.TryGetValue(key, out var rows)
            ? ProcessInstanceRows.Compose(_definitions[rows.Instance.ProcessDefinitionKey], rows.Instance, rows.Elements.Values, rows.Variables.Values)
            : null;

    public override ProcessInstance? FindInstanceByElement(long elementInstanceKey)
    {
        foreach (var (key, rows) in _rows)
        {
            if (key == elementInstanceKey || rows.Elements.ContainsKey(elementInstanceKey))
            {
                return FindInstance(key);
            }
        }

        return null;
    }

    public override IEnumerable<ProcessInstance> Instances() => [.. _rows.Keys.Select(k => FindInstance(k)!)];

    /// <summary>The rows of an instance as stored.</summary>
    public InstanceRows Rows(long key) => _rows[key].ToRows();

    private sealed class StoredRows
    {
        public InstanceRow Instance { get; private set; } = null!;

        public Dictionary<long, ElementRow> Elements { get; } = [];

        public Dictionary<(long, string), VariableRow> Variables { get; } = [];

        public InstanceRows ToRows() => new(Instance, [.. Elements.Values], [.. Variables.Values]);

        public StoredRows Apply(InstanceRowDiff diff)
        {
            Instance = diff.Instance;
            foreach (var row in diff.RemovedElements)
            {
                Elements.Remove(row.Key).Should().BeTrue($"removed element {row.Key} was stored");
            }

            foreach (var row in diff.AddedElements)
            {
                Elements.TryAdd(row.Key, row).Should().BeTrue($"added element {row.Key} was not stored yet");
            }

            foreach (var row in diff.ChangedElements)
            {
                Elements.ContainsKey(row.Key).Should().BeTrue($"changed element {row.Key} was stored");
                Elements[row.Key] = row;
            }

            foreach (var row in diff.RemovedVariables)
            {
                Variables.Remove((row.ScopeKey, row.Name)).Should().BeTrue($"removed variable {row.Name} was stored");
            }

            foreach (var row in diff.AddedVariables)
            {
                Variables.TryAdd((row.ScopeKey, row.Name), row).Should().BeTrue($"added variable {row.Name} was not stored yet");
            }

            foreach (var row in diff.ChangedVariables)
            {
                Variables.ContainsKey((row.ScopeKey, row.Name)).Should().BeTrue($"changed variable {row.Name} was stored");
                Variables[(row.ScopeKey, row.Name)] = row;
            }

            return this;
        }
    }
}
