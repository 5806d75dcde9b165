using Crm.Bpm.Engine.Runtime.Compilation;
using Crm.Bpm.Engine.Runtime.Events;
using Crm.Bpm.Engine.Runtime.Incidents;
using Crm.Bpm.Engine.Runtime.Instances;

namespace Crm.Bpm.Engine.Runtime.Execution;

internal sealed partial class Executor
{
    /// <summary>Runs a diverging (or merging) exclusive, inclusive or parallel gateway once its join, if any, has fired.</summary>
    private void RunGateway(ProcessInstance instance, ExecutableNode node, ElementInstance scope, ElementInstance? element, long key)
    {
        var flows = node.Outgoing;
        if (node.HasConditionalOutgoing && !TrySelectFlows(node, element ?? scope, out flows, out var error))
        {
            // Camunda 8: a gateway whose conditions fail or all are false (and no default) raises an incident on itself.
            element ??= Materialize(instance, node, scope, key, ElementState.Activating);
            element.State = ElementState.Activating;
            RaiseIncident(instance, element, IncidentType.ConditionError, error!);
            return;
        }

        if (element is not null)
        {
            RemoveElement(instance, element, ElementState.Completed);
        }
        else if (_recording)
        {
            _uow.Emit(EngineEventKind.ElementCompleted, instance, node.Id, key);
        }

        TakeFlows(instance, scope, flows);
    }

    private bool TrySelectExclusive(ExecutableNode node, ElementInstance lookupStart, out ExecutableFlow[] flows, out string? error)
    {
        // BPMN 2.0.2 §13.3.2: the first flow, in order, whose condition holds; else the default flow.
        foreach (var flow in node.Outgoing)
        {
            if (flow.IsDefault)
            {
                continue;
            }

            if (flow.Condition is null)
            {
                flows = flow.AsArray;
                error = null;
                return true;
            }

            if (!TryEvaluateCondition(flow, lookupStart, out var holds, out error))
            {
                flows = [];
                return false;
            }

            if (holds)
            {
                flows = flow.AsArray;
                return true;
            }
        }

        if (node.DefaultFlow is { } fallback)
        {
            flows = fallback.AsArray;
            error = null;
            return true;
        }

        flows = [];
        error = $"No outgoing sequence flow of gateway '{node.Id}' has a condition that holds, and it has no default flow; add a default flow or fix the conditions.";
        return false;
    }

    private bool TrySelectInclusive(ExecutableNode node, ElementInstance lookupStart, out ExecutableFlow[] flows, out string? error)
    {
        // BPMN 2.0.2 §13.3.3: every flow whose condition holds; the default flow only when none does.
        var selected = new List<ExecutableFlow>(node.Outgoing.Length);
        foreach (var flow in node.Outgoing)
        {
            if (flow.IsDefault)
            {
                continue;
            }

            var holds = true;
            if (flow.Condition is not null && !TryEvaluateCondition(flow, lookupStart, out holds, out error))
            {
                flows = [];
                return false;
            }

            if (holds)
            {
                selected.Add(flow);
            }
        }

        if (selected.Count == 0 && node.DefaultFlow is { } fallback)
        {
            selected.Add(fallback);
        }

        if (selected.Count == 0)
        {
            flows = [];
            error = $"No outgoing sequence flow of gateway '{node.Id}' has a condition that holds, and it has no default flow; add a default flow or fix the conditions.";
            return false;
        }

        flows = [.. selected];
        error = null;
        return true;
    }

    /// <summary>Parks a token arriving at a joining gateway; true when the join fires now (parallel: a token waits on every incoming flow).</summary>
    private bool ArriveAtJoin(ProcessInstance instance, ExecutableNode node, ElementInstance scope, ExecutableFlow flow)
    {
        var counts = scope.JoinCounts ??= new int[scope.Node.InnerScope!.JoinSlotCount];
        counts[flow.JoinSlot]++;
        if (node.Kind == NodeKind.InclusiveGateway)
        {
            // BPMN 2.0.2 §13.4.1: an inclusive join fires once no token can still arrive on an empty incoming flow;
            // that is decided when the agenda is empty (FireInclusiveJoins).
            AddInclusiveScope(instance, scope);
            return false;
        }

        var incoming = node.Incoming.Length;
        var first = node.JoinSlotBase;
        for (var i = 0; i < incoming; i++)
        {
            if (counts[first + i] == 0)
            {
                return false;
            }
        }

        for (var i = 0; i < incoming; i++)
        {
            counts[first + i]--;
        }

        // The parked tokens merge into the one that continues.
        scope.Tokens -= incoming - 1;
        return true;
    }

    private void AddInclusiveScope(ProcessInstance instance, ElementInstance scope)
    {
        foreach (var (_, known) in _inclusiveScopes)
        {
            if (ReferenceEquals(known, scope))
            {
                return;
            }
        }

        _inclusiveScopes.Add((instance, scope));
    }

    private bool FireInclusiveJoins()
    {
        var fired = false;
        var pending = _inclusiveScopes.ToArray();
        _inclusiveScopes.Clear();
        foreach (var (instance, scope) in pending)
        {
            if (!scope.IsLive || instance.State != ProcessInstanceState.Active || scope.JoinCounts is not { } counts)
            {
                continue;
            }

            foreach (var join in scope.Node.InnerScope!.Nodes)
            {
                if (join.Kind != NodeKind.InclusiveGateway || !join.IsJoin || !HasParkedTokens(join, counts) || CanStillArrive(instance, scope, join, counts))
                {
                    continue;
                }

                var merged = 0;
                for (var i = 0; i < join.Incoming.Length; i++)
                {
                    if (counts[join.JoinSlotBase + i] > 0)
                    {
                        counts[join.JoinSlotBase + i]--;
                        merged++;
                    }
                }

                scope.Tokens -= merged - 1;
                fired = true;
                _agenda.Enqueue(new Work { Kind = WorkKind.JoinFired, Instance = instance, Node = join, Scope = scope, Epoch = scope.Epoch });
                if (HasParkedTokens(join, counts))
                {
                    AddInclusiveScope(instance, scope);
                }
            }
        }

        return fired;
    }

    private static bool HasParkedTokens(ExecutableNode join, int[] counts)
    {
        for (var i = 0; i < join.Incoming.Length; i++)
        {
            if (counts[join.JoinSlotBase + i] > 0)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Whether some token of the scope (a live child, or a token parked at another join) can still reach an empty incoming flow of the join.</summary>
    private static bool CanStillArrive(ProcessInstance instance, ElementInstance scope, ExecutableNode join, int[] counts)
    {
        var elements = instance.Elements;
        for (var i = 0; i < elements.Count; i++)
        {
            if (ReferenceEquals(elements[i].Parent, scope) && ReachesEmptyIncoming(scope, join, counts, elements[i].Node))
            {
                return true;
            }
        }

        foreach (var other in scope.Node.InnerScope!.Nodes)
        {
            if (other.IsJoin && !ReferenceEquals(other, join) && HasParkedTokens(other, counts) && ReachesEmptyIncoming(scope, join, counts, other))
            {
                return true;
            }
        }

        return false;
    }

    private static bool ReachesEmptyIncoming(ElementInstance scope, ExecutableNode join, int[] counts, ExecutableNode position)
    {
        var graph = scope.Node.InnerScope!;
        if (position.FlowScope != graph)
        {
            return false;
        }

        for (var i = 0; i < join.Incoming.Length; i++)
        {
            if (counts[join.JoinSlotBase + i] != 0)
            {
                continue;
            }

            var source = join.Incoming[i].Source;
            if (ReferenceEquals(position, source) || graph.CanReach(position, source))
            {
                return true;
            }
        }

        return false;
    }
}
