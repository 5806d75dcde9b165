using Crm.Bpm.Engine.Runtime.Commands;
using Crm.Bpm.Engine.Runtime.Compilation;
using Crm.Bpm.Engine.Runtime.Instances;

namespace Crm.Bpm.Engine.Runtime.Execution;

internal sealed partial class Executor
{
    /// <summary>Moves a live instance onto another definition: every element instance, owned event and compensation entry is remapped, or nothing changes.</summary>
    public CommandError? Migrate(MigrateProcessInstance command)
    {
        var instance = _uow.GetInstance(command.ProcessInstanceKey);
        if (instance is null)
        {
            return NotFound($"No process instance with key {command.ProcessInstanceKey}.");
        }

        if (instance.State != ProcessInstanceState.Active)
        {
            return new CommandError(CommandErrorCode.InvalidState, $"Process instance {command.ProcessInstanceKey} is {instance.State.ToString().ToLowerInvariant()}; only an active instance can be migrated.");
        }

        var target = _repository.Find(command.TargetProcessDefinitionKey);
        if (target is null)
        {
            return NotFound($"No process definition with key {command.TargetProcessDefinitionKey} is deployed.");
        }

        var mapping = command.ElementMapping ?? new Dictionary<string, string>(0);
        var nodes = new Dictionary<ExecutableNode, ExecutableNode>(ReferenceEqualityComparer.Instance) { [instance.Definition.ProcessNode] = target.ProcessNode };
        var problems = new List<string>();
        foreach (var element in instance.Elements)
        {
            if (ReferenceEquals(element, instance.Root))
            {
                continue;
            }

            MapNode(element.Node, target, mapping, nodes, problems, element.Role);
            if (element.JoinCounts is { } counts && Array.Exists(counts, c => c > 0))
            {
                problems.Add($"'{element.ElementId}' has tokens waiting at a join; migrate after they have passed it.");
            }

            foreach (var owned in element.Owned ?? [])
            {
                MapNode(owned.Node, target, mapping, nodes, problems, null);
            }

            MapEntries(element.Compensable, target, mapping, nodes, problems);
            MapEntries(element.CompensationQueue, target, mapping, nodes, problems);
        }

        foreach (var owned in instance.Root.Owned ?? [])
        {
            MapNode(owned.Node, target, mapping, nodes, problems, null);
        }

        MapEntries(instance.Root.Compensable, target, mapping, nodes, problems);
        if (instance.Root.JoinCounts is { } rootCounts && Array.Exists(rootCounts, c => c > 0))
        {
            problems.Add("the process has tokens waiting at a join; migrate after they have passed it.");
        }

        if (problems.Count > 0)
        {
            return new CommandError(CommandErrorCode.InvalidArgument, $"Process instance {instance.Key} cannot be migrated to '{target.BpmnProcessId}' v{target.Version}: {string.Join(" ", problems.Distinct(StringComparer.Ordinal))} Map these elements with ElementMapping; nothing was changed.");
        }

        Primary = instance;
        instance.Definition = target;
        foreach (var element in instance.Elements)
        {
            element.Node = nodes[element.Node];
            element.JoinCounts = null;
            if (element.Owned is { } owned)
            {
                for (var i = 0; i < owned.Count; i++)
                {
                    owned[i] = owned[i] with { Node = nodes[owned[i].Node] };
                    MoveEventRecord(owned[i], target, instance.Key);
                }
            }

            RemapEntries(element.Compensable, nodes);
            RemapEntries(element.CompensationQueue, nodes);
            MoveWaitRecords(element, target);
        }

        if (!instance.Elements.Contains(instance.Root))
        {
            instance.Root.Node = target.ProcessNode;
        }

        return null;
    }

    private static void MapNode(ExecutableNode source, ExecutableProcess target, IReadOnlyDictionary<string, string> mapping, Dictionary<ExecutableNode, ExecutableNode> nodes, List<string> problems, ElementRole? role)
    {
        if (nodes.ContainsKey(source))
        {
            return;
        }

        var targetId = mapping.TryGetValue(source.Id, out var mapped) ? mapped : source.Id;
        var node = target.FindNode(targetId);
        if (node is null)
        {
            problems.Add($"'{source.Id}' has no counterpart '{targetId}' in the target.");
            return;
        }

        if (node.Kind != source.Kind || node.Event != source.Event)
        {
            problems.Add($"'{source.Id}' is a {Describe(source)} but '{targetId}' in the target is a {Describe(node)}.");
            return;
        }

        if (role is ElementRole.MultiInstanceBody or ElementRole.Inner && (source.MultiInstance is null) != (node.MultiInstance is null))
        {
            problems.Add($"'{source.Id}' is {(source.MultiInstance is null ? "not " : "")}multi-instance but '{targetId}' in the target is {(node.MultiInstance is null ? "not" : "")}.");
            return;
        }

        if (role is ElementRole.LoopBody && node.Loop is null)
        {
            problems.Add($"'{source.Id}' is a loop but '{targetId}' in the target is not.");
            return;
        }

        nodes[source] = node;
    }

    private static void MapEntries(List<CompensationEntry>? entries, ExecutableProcess target, IReadOnlyDictionary<string, string> mapping, Dictionary<ExecutableNode, ExecutableNode> nodes, List<string> problems)
    {
        foreach (var entry in entries ?? [])
        {
            MapNode(entry.Activity, target, mapping, nodes, problems, null);
            if (entry.Via is { } via)
            {
                MapNode(via, target, mapping, nodes, problems, null);
            }
        }
    }

    private static void RemapEntries(List<CompensationEntry>? entries, Dictionary<ExecutableNode, ExecutableNode> nodes)
    {
        if (entries is null)
        {
            return;
        }

        for (var i = 0; i < entries.Count; i++)
        {
            var entry = entries[i];
            entries[i] = entry with { Activity = nodes[entry.Activity], Via = entry.Via is null ? null : nodes[entry.Via] };
        }
    }

    private static string Describe(ExecutableNode node) =>
        node.Event == EventKind.None ? node.Kind.ToString() : $"{node.Event} {node.Kind}";

    private void MoveEventRecord(OwnedSubscription owned, ExecutableProcess target, long instanceKey)
    {
        if (owned.IsTimer)
        {
            if (_uow.FindTimer(owned.Key) is { ProcessInstanceKey: var key } timer && key == instanceKey)
            {
                _uow.PutTimer(timer with { ElementId = owned.Node.Id, BpmnProcessId = target.BpmnProcessId, ProcessDefinitionKey = target.Key });
            }
        }
        else if (_uow.FindSubscription(owned.Key) is { } subscription)
        {
            _uow.PutSubscription(subscription with { ElementId = owned.Node.Id, BpmnProcessId = target.BpmnProcessId, ProcessDefinitionKey = target.Key });
        }
    }

    private void MoveWaitRecords(ElementInstance element, ExecutableProcess target)
    {
        if (element.WaitKey != 0)
        {
            if (_uow.FindJob(element.WaitKey) is { } job)
            {
                _uow.PutJob(job with { ElementId = element.ElementId, BpmnProcessId = target.BpmnProcessId, ProcessDefinitionKey = target.Key });
            }
            else if (_uow.FindUserTask(element.WaitKey) is { } task)
            {
                _uow.PutUserTask(task with { ElementId = element.ElementId, BpmnProcessId = target.BpmnProcessId, ProcessDefinitionKey = target.Key });
            }
        }

        if (element.IncidentKey != 0 && _uow.FindIncident(element.IncidentKey) is { } incident)
        {
            _uow.PutIncident(incident with { ElementId = element.ElementId, BpmnProcessId = target.BpmnProcessId });
        }
    }
}
