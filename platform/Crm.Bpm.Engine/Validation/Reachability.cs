using Crm.Bpm.Diagnostics;
using Crm.Bpm.Engine.Model.Activities;
using Crm.Bpm.Engine.Model.Events;
using Crm.Bpm.Engine.Model.Processes;

namespace Crm.Bpm.Engine.Validation;

/// <summary>Finds nodes of executable processes that no token can reach (BPMN202) and nodes where a path stops without an end event (BPMN203).</summary>
/// <remarks>
/// Entry points: the process's start events; when a sub-process is reached, its start events (or, without any, its nodes
/// without incoming flow, BPMN 2.0.2 §10.3.5), its event sub-processes and its compensation handlers; every node of an
/// ad-hoc sub-process; the boundary events of a reached activity; and the link catch events named by a reached link throw.
/// </remarks>
internal sealed class Reachability
{
    private readonly ValidationRun _run;
    private readonly HashSet<FlowNode> _reached = new(ReferenceEqualityComparer.Instance);
    private readonly HashSet<FlowScope> _activeScopes = new(ReferenceEqualityComparer.Instance);
    private readonly Queue<FlowNode> _queue = new();

    private Reachability(ValidationRun run)
    {
        _run = run;
    }

    public static void Run(ValidationRun run)
    {
        var reachability = new Reachability(run);
        foreach (var scope in run.Graph.Scopes)
        {
            if (scope.Parent is null && ValidationRun.IsExecutable(scope.Process))
            {
                reachability.CheckProcess(scope);
            }
        }
    }

    private void CheckProcess(FlowScope processScope)
    {
        // Without a start event nothing is reachable; BPMN201 already says what is wrong.
        if (!processScope.Nodes.Any(n => n is StartEvent))
        {
            ReportDeadEnds(processScope);
            return;
        }

        Activate(processScope);
        while (_queue.TryDequeue(out var node))
        {
            Expand(node);
        }

        foreach (var scope in _run.Graph.Scopes)
        {
            if (!ReferenceEquals(scope.Process, processScope.Process))
            {
                continue;
            }

            if (_activeScopes.Contains(scope))
            {
                ReportUnreached(scope);
            }

            ReportDeadEnds(scope);
        }
    }

    private void Activate(FlowScope scope)
    {
        if (!_activeScopes.Add(scope))
        {
            return;
        }

        var hasStart = false;
        foreach (var node in scope.Nodes)
        {
            if (node is StartEvent)
            {
                hasStart = true;
                Reach(node);
            }
        }

        foreach (var node in scope.Nodes)
        {
            var isEntry = node switch
            {
                BoundaryEvent => false,
                SubProcess { TriggeredByEvent: true } => true,
                Activity { IsForCompensation: true } => true,
                _ when scope.IsAdHoc => true,
                _ when !hasStart && scope.Parent is not null => _run.Graph.Incoming(node).Count == 0,
                _ => false,
            };
            if (isEntry)
            {
                Reach(node);
            }
        }
    }

    private void Reach(FlowNode node)
    {
        if (_reached.Add(node))
        {
            _queue.Enqueue(node);
        }
    }

    private void Expand(FlowNode node)
    {
        foreach (var flow in _run.Graph.Outgoing(node))
        {
            if (_run.Graph.EndsOf(flow).Target is { } target)
            {
                Reach(target);
            }
        }

        if (node is Activity activity)
        {
            foreach (var boundary in _run.Graph.BoundaryEventsOf(activity))
            {
                Reach(boundary);
            }
        }

        if (node is SubProcess sub && _run.Graph.ScopeOfContainer(sub) is { } inner)
        {
            Activate(inner);
        }

        if (node is IntermediateThrowEvent thrower && LinkName(thrower.EventDefinitions) is { } link && _run.Graph.ScopeOf(thrower) is { } scope)
        {
            // BPMN 2.0.2 §10.5.6: a link throw continues at the link catch events of the same name in its scope.
            foreach (var candidate in scope.Nodes)
            {
                if (candidate is IntermediateCatchEvent catcher && LinkName(catcher.EventDefinitions) == link)
                {
                    Reach(catcher);
                }
            }
        }
    }

    private void ReportUnreached(FlowScope scope)
    {
        foreach (var node in scope.Nodes)
        {
            if (_reached.Contains(node))
            {
                continue;
            }

            // A boundary event of an unreached (or missing) activity is covered by that activity's finding.
            if (node is BoundaryEvent boundary && (_run.Graph.Index.Find(boundary.AttachedToRef) is not FlowNode host || !_reached.Contains(host)))
            {
                continue;
            }

            _run.Report(
                DiagnosticSeverity.Warning,
                BpmnValidationCodes.UnreachableNode,
                node,
                $"{ElementLabel.Sentence(node)} cannot be reached from any start event, so it never runs. Connect it with a sequence flow from an earlier step, or delete it.");
        }
    }

    private void ReportDeadEnds(FlowScope scope)
    {
        foreach (var node in scope.Nodes)
        {
            if (_run.Graph.Outgoing(node).Count > 0 || EndsLegitimately(scope, node))
            {
                continue;
            }

            _run.Report(
                DiagnosticSeverity.Warning,
                BpmnValidationCodes.DeadEnd,
                node,
                $"{ElementLabel.Sentence(node)} has no outgoing sequence flow, so the path stops there without an end event. Connect it to the next step, or end the path with an end event.");
        }
    }

    private static bool EndsLegitimately(FlowScope scope, FlowNode node) => scope.IsAdHoc || node switch
    {
        EndEvent => true,
        SubProcess { TriggeredByEvent: true } => true,
        Activity { IsForCompensation: true } => true,
        BoundaryEvent boundary => boundary.EventDefinitions.Any(d => d is CompensateEventDefinition),
        IntermediateThrowEvent thrower => LinkName(thrower.EventDefinitions) is not null,
        _ => false,
    };

    private static string? LinkName(IReadOnlyList<EventDefinition> definitions)
    {
        foreach (var definition in definitions)
        {
            if (definition is LinkEventDefinition link)
            {
                return link.Name ?? "";
            }
        }

        return null;
    }
}
