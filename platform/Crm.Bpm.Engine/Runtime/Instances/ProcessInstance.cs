using System.Text.Json;
using Crm.Bpm.Engine.Runtime.Compilation;

namespace Crm.Bpm.Engine.Runtime.Instances;

/// <summary>The state of one process instance: its execution tree of live element instances and their variables, saved and loaded as a unit.</summary>
/// <remarks>
/// Commands never change a stored instance: they change a copy and the store replaces the stored instance with it
/// on commit, checking <see cref="Version"/> (optimistic concurrency).
/// </remarks>
public sealed class ProcessInstance
{
    private List<ElementInstance> _elements;

    internal ProcessInstance(long key, ExecutableProcess definition, ElementInstance root)
    {
        Key = key;
        Definition = definition;
        Root = root;
        _elements = [root];
    }

    public long Key { get; }

    public ExecutableProcess Definition { get; internal set; }

    public string BpmnProcessId => Definition.BpmnProcessId;

    public ProcessInstanceState State { get; internal set; }

    /// <summary>Counts saves; the store refuses a save whose expected version is not the stored one.</summary>
    public int Version { get; internal set; }

    /// <summary>The root scope: the process itself, holding the process variables.</summary>
    public ElementInstance Root { get; private set; }

    /// <summary>The live element instances, parents before children; empty once the instance ended.</summary>
    public IReadOnlyList<ElementInstance> Elements => _elements;

    /// <summary>The process instance that called this one through a call activity, or 0.</summary>
    public long ParentInstanceKey { get; internal set; }

    /// <summary>The call activity instance in the parent that waits for this one, or 0.</summary>
    public long ParentElementInstanceKey { get; internal set; }

    public DateTimeOffset StartTime { get; internal set; }

    public DateTimeOffset? EndTime { get; internal set; }

    /// <summary>The process variables (the root scope's).</summary>
    public IReadOnlyDictionary<string, JsonElement> Variables =>
        (IReadOnlyDictionary<string, JsonElement>?)Root.LocalVariables ?? EmptyVariables;

    internal static readonly IReadOnlyDictionary<string, JsonElement> EmptyVariables = new Dictionary<string, JsonElement>(0);

    internal List<ElementInstance> MutableElements => _elements;

    /// <summary>The live element instance with the given key, or null.</summary>
    public ElementInstance? FindElement(long key)
    {
        var list = _elements;
        for (var i = 0; i < list.Count; i++)
        {
            if (list[i].Key == key)
            {
                return list[i];
            }
        }

        return null;
    }

    internal void Add(ElementInstance element) => _elements.Add(element);

    internal void Remove(ElementInstance element)
    {
        var list = _elements;
        for (var i = list.Count - 1; i >= 0; i--)
        {
            if (ReferenceEquals(list[i], element))
            {
                list.RemoveAt(i);
                return;
            }
        }
    }

    /// <summary>Drops the execution tree of an ended instance, keeping only the root with its variables.</summary>
    internal void Compact()
    {
        Root.Owned = null;
        Root.JoinCounts = null;
        Root.Compensable = null;
        _elements = [];
    }

    internal ProcessInstance Clone()
    {
        var copy = (ProcessInstance)MemberwiseClone();
        var map = new Dictionary<ElementInstance, ElementInstance>(_elements.Count + 1, ReferenceEqualityComparer.Instance);
        var rootCopy = Root.CloneShallow();
        map[Root] = rootCopy;
        copy.Root = rootCopy;
        var list = new List<ElementInstance>(_elements.Count);
        foreach (var element in _elements)
        {
            if (!map.TryGetValue(element, out var clone))
            {
                clone = element.CloneShallow();
                map[element] = clone;
            }

            list.Add(clone);
        }

        foreach (var clone in list)
        {
            if (clone.Parent is { } parent && map.TryGetValue(parent, out var parentCopy))
            {
                clone.Parent = parentCopy;
            }
        }

        copy._elements = list;
        return copy;
    }

    /// <inheritdoc/>
    public override string ToString() => $"{BpmnProcessId}#{Key} ({State})";
}
