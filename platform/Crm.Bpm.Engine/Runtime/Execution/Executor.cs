using System.Text.Json;
using Crm.Bpm.Engine.Runtime.Compilation;
using Crm.Bpm.Engine.Runtime.Decisions;
using Crm.Bpm.Engine.Runtime.Deployment;
using Crm.Bpm.Engine.Runtime.Events;
using Crm.Bpm.Engine.Runtime.Incidents;
using Crm.Bpm.Engine.Runtime.Instances;
using Crm.Bpm.Engine.Runtime.Variables;

namespace Crm.Bpm.Engine.Runtime.Execution;

/// <summary>Runs tokens through compiled processes inside one unit of work until every path waits.</summary>
/// <remarks>
/// Work is a FIFO agenda of activations and completions, so paths advance breadth-first as in Zeebe. Nodes that
/// neither wait nor map variables run without an element instance object (a key is still handed out), which keeps
/// straight-through paths allocation-light. One executor serves one command at a time.
/// </remarks>
internal sealed partial class Executor
{
    private readonly ProcessRepository _repository;
    private readonly EngineOptions _options;
    private readonly Queue<Work> _agenda = new();
    private readonly List<(ProcessInstance Instance, ElementInstance Scope)> _inclusiveScopes = [];
    private readonly ScopeLookup _lookup = new();
    private UnitOfWork _uow = null!;
    private bool _recording;

    public Executor(ProcessRepository repository, EngineOptions options)
    {
        _repository = repository;
        _options = options;
    }

    private enum WorkKind : byte
    {
        Activate,
        JoinFired,
        Complete,
        Trigger,
    }

    private IDecisionEvaluator? Decisions => _options.DecisionEvaluator;

    public void Begin(UnitOfWork uow)
    {
        _uow = uow;
        _recording = uow.Events is not null || uow.RecordsHistory;
        _agenda.Clear();
        _inclusiveScopes.Clear();
    }

    /// <summary>Runs queued work until every path waits, firing inclusive joins that nothing can reach any more.</summary>
    public void Drain()
    {
        while (true)
        {
            while (_agenda.Count > 0)
            {
                var work = _agenda.Dequeue();
                Process(in work);
            }

            if (_inclusiveScopes.Count == 0 || !FireInclusiveJoins())
            {
                return;
            }
        }
    }

    private void Process(in Work work)
    {
        var instance = work.Instance;
        if (instance.State != ProcessInstanceState.Active)
        {
            return;
        }

        switch (work.Kind)
        {
            case WorkKind.Activate:
            case WorkKind.JoinFired:
                if (work.Scope.IsLive && work.Scope.Epoch == work.Epoch)
                {
                    ActivateNode(instance, in work);
                }

                break;
            case WorkKind.Complete:
                if (work.Scope.IsLive)
                {
                    CompleteElement(instance, work.Scope);
                }

                break;
            case WorkKind.Trigger:
                if (work.Scope.IsLive)
                {
                    TriggerEvent(instance, work.Scope, work.Node, work.Payload);
                }

                break;
        }
    }

    private void EnqueueActivate(
        ProcessInstance instance,
        ExecutableNode node,
        ElementInstance scope,
        ExecutableFlow? flow,
        bool addToken,
        bool triggered = false,
        Dictionary<string, JsonElement>? payload = null,
        long compensationThrower = 0)
    {
        if (addToken)
        {
            scope.Tokens++;
        }

        if (_recording && flow is not null)
        {
            _uow.Emit(EngineEventKind.SequenceFlowTaken, instance, flow.Id, 0);
        }

        _agenda.Enqueue(new Work
        {
            Kind = WorkKind.Activate,
            Instance = instance,
            Node = node,
            Scope = scope,
            Epoch = scope.Epoch,
            Flow = flow,
            Triggered = triggered,
            Payload = payload,
            CompensationThrower = compensationThrower,
        });
    }

    private void EnqueueInner(ProcessInstance instance, ElementInstance body, int index)
    {
        body.Tokens++;
        body.LoopIndex = index + 1;
        _agenda.Enqueue(new Work
        {
            Kind = WorkKind.Activate,
            Instance = instance,
            Node = body.Node,
            Scope = body,
            Epoch = body.Epoch,
            Role = ElementRole.Inner,
            LoopIndex = index,
            CompensationThrower = body.CompensationThrowerKey,
        });
    }

    private void EnqueueComplete(ProcessInstance instance, ElementInstance element) =>
        _agenda.Enqueue(new Work { Kind = WorkKind.Complete, Instance = instance, Node = element.Node, Scope = element });

    private void EnqueueTrigger(ProcessInstance instance, ElementInstance owner, ExecutableNode node, Dictionary<string, JsonElement>? payload) =>
        _agenda.Enqueue(new Work { Kind = WorkKind.Trigger, Instance = instance, Node = node, Scope = owner, Payload = payload });

    /// <summary>Gives up one token of <paramref name="scope"/>; the scope completes when its last token is gone.</summary>
    private void ConsumeToken(ProcessInstance instance, ElementInstance scope)
    {
        if (--scope.Tokens > 0)
        {
            if (scope.JoinCounts is not null && scope.Node.InnerScope is { HasInclusiveJoin: true })
            {
                AddInclusiveScope(instance, scope);
            }

            return;
        }

        if (ReferenceEquals(scope, instance.Root))
        {
            if (instance.State == ProcessInstanceState.Active && scope.IsLive)
            {
                CompleteProcessInstance(instance);
            }

            return;
        }

        if (scope.State == ElementState.Active)
        {
            CompleteElement(instance, scope);
        }
    }

    /// <summary>Passes the token of a node that left along <paramref name="flows"/>; no flows means the token ends here.</summary>
    private void TakeFlows(ProcessInstance instance, ElementInstance scope, ExecutableFlow[] flows)
    {
        if (flows.Length == 0)
        {
            ConsumeToken(instance, scope);
            return;
        }

        for (var i = 0; i < flows.Length; i++)
        {
            EnqueueActivate(instance, flows[i].Target, scope, flows[i], addToken: i > 0);
        }
    }

    private static ElementInstance Materialize(ProcessInstance instance, ExecutableNode node, ElementInstance scope, long key, ElementState state)
    {
        var element = new ElementInstance(key, node, scope, ElementRole.Normal) { State = state };
        instance.Add(element);
        return element;
    }

    private void RemoveElement(ProcessInstance instance, ElementInstance element, ElementState final)
    {
        element.State = final;
        instance.Remove(element);
        if (_recording)
        {
            _uow.Emit(final == ElementState.Completed ? EngineEventKind.ElementCompleted : EngineEventKind.ElementTerminated, instance, element.Node.Id, element.Key);
        }
    }

    private void RaiseIncident(ProcessInstance instance, ElementInstance element, IncidentType type, string message, long jobKey = 0)
    {
        var incident = new IncidentRecord
        {
            Key = _uow.NewKey(),
            Type = type,
            Message = message,
            ProcessInstanceKey = instance.Key,
            ElementInstanceKey = element.Key,
            ElementId = element.Node.Id,
            BpmnProcessId = instance.BpmnProcessId,
            JobKey = jobKey,
            CreatedAt = _uow.Now,
        };
        _uow.PutIncident(incident);
        element.IncidentKey = incident.Key;
        _uow.Emit(EngineEventKind.IncidentCreated, instance, element.Node.Id, incident.Key, $"{type}: {message}", element.Key);
    }

    /// <summary>The value an expression produced, as JSON, with the language's warning when it explains a null.</summary>
    private static string Describe(Expressions.ExpressionResult result) =>
        result.Warning is null ? JsonValues.ToJson(result.Value) : $"{JsonValues.ToJson(result.Value)} ({result.Warning})";

    private struct Work
    {
        public WorkKind Kind;
        public bool Triggered;
        public ElementRole Role;
        public int Epoch;
        public int LoopIndex;
        public long CompensationThrower;
        public ProcessInstance Instance;
        public ExecutableNode Node;
        public ElementInstance Scope;
        public ExecutableFlow? Flow;
        public Dictionary<string, JsonElement>? Payload;
    }
}
