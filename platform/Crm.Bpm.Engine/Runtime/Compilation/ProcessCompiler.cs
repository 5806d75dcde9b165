using Crm.Bpm.Diagnostics;
using Crm.Bpm.Engine.Model;
using Crm.Bpm.Engine.Model.Activities;
using Crm.Bpm.Engine.Model.Artifacts;
using Crm.Bpm.Engine.Model.Events;
using Crm.Bpm.Engine.Model.Gateways;
using Crm.Bpm.Engine.Model.Processes;
using Crm.Bpm.Engine.Model.Zeebe;
using Crm.Bpm.Engine.Runtime.Expressions;

namespace Crm.Bpm.Engine.Runtime.Compilation;

/// <summary>Compiles a parsed BPMN process once into the executable graph the runtime walks.</summary>
public sealed class ProcessCompiler
{
    private readonly BpmnDefinitions _definitions;
    private readonly IExpressionLanguage _language;
    private readonly string? _file;
    private readonly List<Diagnostic> _diagnostics = [];
    private readonly List<ExecutableNode> _nodes = [];
    private readonly List<ExecutableFlow> _flows = [];
    private readonly Dictionary<string, ExecutableNode> _byId = new(StringComparer.Ordinal);
    private readonly Dictionary<ExecutableNode, BaseElement> _sources = [];
    private readonly List<(ExecutableScope Scope, IFlowElementsContainer Container)> _scopes = [];

    private ProcessCompiler(BpmnDefinitions definitions, IExpressionLanguage language, string? file)
    {
        _definitions = definitions;
        _language = language;
        _file = file;
    }

    /// <summary>Compiles <paramref name="process"/>; the result is null when any error diagnostic was reported.</summary>
    public static (ExecutableProcess? Process, IReadOnlyList<Diagnostic> Diagnostics) Compile(
        BpmnDefinitions definitions, Process process, IExpressionLanguage language, string? file = null)
    {
        ArgumentNullException.ThrowIfNull(definitions);
        ArgumentNullException.ThrowIfNull(process);
        ArgumentNullException.ThrowIfNull(language);
        var compiler = new ProcessCompiler(definitions, language, file);
        var result = compiler.Run(process);
        return (compiler._diagnostics.Exists(d => d.IsError) ? null : result, compiler._diagnostics);
    }

    private ExecutableProcess Run(Process process)
    {
        var processNode = new ExecutableNode(0, process.Id ?? "process", NodeKind.Process) { Name = process.Name };
        _nodes.Add(processNode);
        _sources[processNode] = process;
        var root = new ExecutableScope(processNode);
        processNode.InnerScope = root;
        CreateNodes(process, root);
        foreach (var (scope, container) in _scopes)
        {
            CreateFlows(container);
        }

        foreach (var node in _nodes)
        {
            if (node.Kind != NodeKind.Process)
            {
                Configure(node, _sources[node]);
            }
        }

        foreach (var (scope, container) in _scopes)
        {
            FinishScope(scope, container);
        }

        var executable = new ExecutableProcess(processNode.Id, processNode, [.. _nodes], [.. _flows]) { Name = process.Name };
        var messageStarts = new List<ExecutableNode>();
        var timerStarts = new List<ExecutableNode>();
        var signalStarts = new List<ExecutableNode>();
        foreach (var node in root.Nodes)
        {
            if (node.Kind != NodeKind.StartEvent)
            {
                continue;
            }

            switch (node.Event)
            {
                case EventKind.Message: messageStarts.Add(node); break;
                case EventKind.Timer: timerStarts.Add(node); break;
                case EventKind.Signal: signalStarts.Add(node); break;
            }
        }

        executable.MessageStarts = [.. messageStarts];
        executable.TimerStarts = [.. timerStarts];
        executable.SignalStarts = [.. signalStarts];
        return executable;
    }

    private void CreateNodes(IFlowElementsContainer container, ExecutableScope scope)
    {
        _scopes.Add((scope, container));
        var local = new List<ExecutableNode>();
        foreach (var element in container.FlowElements)
        {
            if (element is not FlowNode flowNode)
            {
                if (element is UnmodeledFlowElement unmodeled)
                {
                    Report(CompileDiagnosticCodes.Unsupported, $"The engine cannot run a '{unmodeled.ElementName}'; remove it or replace it with a supported element.", element);
                }

                continue;
            }

            var kind = KindOf(flowNode);
            if (kind is null)
            {
                Report(CompileDiagnosticCodes.Unsupported, $"The engine cannot run a {flowNode.ElementName}; replace it with a supported element.", flowNode);
                continue;
            }

            if (flowNode.Id is null)
            {
                Report(CompileDiagnosticCodes.MissingValue, $"A {flowNode.ElementName} has no id; give it one.", flowNode);
                continue;
            }

            var node = new ExecutableNode(_nodes.Count, flowNode.Id, kind.Value) { Name = flowNode.Name, FlowScope = scope, LocalIndex = local.Count };
            _nodes.Add(node);
            local.Add(node);
            _byId.TryAdd(node.Id, node);
            _sources[node] = flowNode;
            if (flowNode is SubProcess sub)
            {
                var inner = new ExecutableScope(node);
                node.InnerScope = inner;
                CreateNodes(sub, inner);
            }
        }

        scope.Nodes = [.. local];
    }

    private static NodeKind? KindOf(FlowNode node) => node switch
    {
        StartEvent => NodeKind.StartEvent,
        EndEvent => NodeKind.EndEvent,
        IntermediateCatchEvent => NodeKind.IntermediateCatchEvent,
        IntermediateThrowEvent => NodeKind.IntermediateThrowEvent,
        BoundaryEvent => NodeKind.BoundaryEvent,
        UserTask => NodeKind.UserTask,
        ServiceTask => NodeKind.ServiceTask,
        SendTask => NodeKind.SendTask,
        BusinessRuleTask => NodeKind.BusinessRuleTask,
        ScriptTask => NodeKind.ScriptTask,
        ReceiveTask => NodeKind.ReceiveTask,
        ManualTask => NodeKind.ManualTask,
        BpmnTask => NodeKind.Task,
        CallActivity => NodeKind.CallActivity,
        AdHocSubProcess => null,
        SubProcess { TriggeredByEvent: true } => NodeKind.EventSubProcess,
        SubProcess => NodeKind.SubProcess,
        ExclusiveGateway => NodeKind.ExclusiveGateway,
        ParallelGateway => NodeKind.ParallelGateway,
        InclusiveGateway => NodeKind.InclusiveGateway,
        EventBasedGateway => NodeKind.EventBasedGateway,
        _ => null,
    };

    private void CreateFlows(IFlowElementsContainer container)
    {
        foreach (var element in container.FlowElements)
        {
            if (element is not SequenceFlow flow)
            {
                continue;
            }

            if (flow.Id is null || flow.SourceRef is null || flow.TargetRef is null
                || !_byId.TryGetValue(flow.SourceRef, out var source) || !_byId.TryGetValue(flow.TargetRef, out var target))
            {
                Report(CompileDiagnosticCodes.DanglingReference, $"Sequence flow '{flow.Id}' connects '{flow.SourceRef}' to '{flow.TargetRef}', and one of them is not a node the engine runs; fix its sourceRef/targetRef.", flow);
                continue;
            }

            var executable = new ExecutableFlow(_flows.Count, flow.Id, source, target);
            if (flow.ConditionExpression is { } condition && !string.IsNullOrWhiteSpace(condition.Text))
            {
                executable.Condition = CompileFeel(condition.Text, flow, "condition", requireFeel: true);
            }

            _flows.Add(executable);
            source.Outgoing = [.. source.Outgoing, executable];
            target.Incoming = [.. target.Incoming, executable];
        }
    }

    private void Configure(ExecutableNode node, BaseElement source)
    {
        var io = source.Extension<ZeebeIoMapping>();
        if (io is not null)
        {
            node.Inputs = Mappings(io.Inputs, source);
            node.Outputs = Mappings(io.Outputs, source);
        }

        string? defaultRef = source switch
        {
            Activity a => a.DefaultRef,
            ExclusiveGateway g => g.DefaultRef,
            InclusiveGateway g => g.DefaultRef,
            _ => null,
        };
        if (defaultRef is not null)
        {
            node.DefaultFlow = Array.Find(node.Outgoing, f => f.Id == defaultRef);
            if (node.DefaultFlow is null)
            {
                Report(CompileDiagnosticCodes.DanglingReference, $"The default flow '{defaultRef}' is not an outgoing flow of '{node.Id}'; pick one of its outgoing flows.", source);
            }
            else
            {
                node.DefaultFlow.IsDefault = true;
            }
        }

        switch (source)
        {
            case CatchEvent catchEvent:
                ConfigureEvent(node, catchEvent, Definitions(catchEvent.EventDefinitions, catchEvent.EventDefinitionRefs));
                if (catchEvent is BoundaryEvent boundary)
                {
                    node.Interrupting = boundary.CancelActivity;
                    if (boundary.AttachedToRef is null || !_byId.TryGetValue(boundary.AttachedToRef, out var attached) || !attached.IsActivity)
                    {
                        Report(CompileDiagnosticCodes.DanglingReference, $"Boundary event '{node.Id}' is attached to '{boundary.AttachedToRef}', which is not an activity; attach it to a task or sub-process.", source);
                    }
                    else
                    {
                        node.AttachedTo = attached;
                        attached.Boundaries = [.. attached.Boundaries, node];
                    }
                }
                else if (catchEvent is StartEvent start)
                {
                    node.Interrupting = start.IsInterrupting;
                }

                break;
            case ThrowEvent throwEvent:
                ConfigureEvent(node, throwEvent, Definitions(throwEvent.EventDefinitions, throwEvent.EventDefinitionRefs));
                ConfigureJob(node, source);
                break;
            case Activity activity:
                ConfigureActivity(node, activity);
                break;
            case EventBasedGateway:
                node.EventGatewayTargets = Array.ConvertAll(node.Outgoing, f => f.Target);
                foreach (var target in node.EventGatewayTargets)
                {
                    if (target.Kind is not (NodeKind.IntermediateCatchEvent or NodeKind.ReceiveTask))
                    {
                        Report(CompileDiagnosticCodes.Unsupported, $"Event-based gateway '{node.Id}' leads to '{target.Id}'; it may only lead to intermediate catch events or receive tasks.", source);
                    }
                }

                break;
        }
    }

    private List<EventDefinition> Definitions(IReadOnlyList<EventDefinition> inline, IReadOnlyList<string> refs)
    {
        var list = new List<EventDefinition>(inline);
        foreach (var id in refs)
        {
            if (_definitions.Index.Find<EventDefinition>(id) is { } found)
            {
                list.Add(found);
            }
        }

        return list;
    }

    private void ConfigureEvent(ExecutableNode node, BaseElement source, List<EventDefinition> definitions)
    {
        if (definitions.Count > 1)
        {
            Report(CompileDiagnosticCodes.Unsupported, $"Event '{node.Id}' has {definitions.Count} event definitions; the engine runs events with one definition.", source);
        }

        if (definitions.Count == 0)
        {
            node.Event = EventKind.None;
            return;
        }

        switch (definitions[0])
        {
            case MessageEventDefinition message:
                node.Event = EventKind.Message;
                ConfigureMessage(node, message.MessageRef, source);
                break;
            case TimerEventDefinition timer:
                node.Event = EventKind.Timer;
                node.Timer = timer switch
                {
                    { TimeDate: { } date } => new TimerSpec(TimerKind.Date, Value(date.Text, source, "timeDate")),
                    { TimeDuration: { } duration } => new TimerSpec(TimerKind.Duration, Value(duration.Text, source, "timeDuration")),
                    { TimeCycle: { } cycle } => new TimerSpec(TimerKind.Cycle, Value(cycle.Text, source, "timeCycle")),
                    _ => null,
                };
                if (node.Timer is null)
                {
                    Report(CompileDiagnosticCodes.MissingValue, $"Timer event '{node.Id}' has no timeDate, timeDuration or timeCycle; give it one.", source);
                }

                break;
            case SignalEventDefinition signal:
                node.Event = EventKind.Signal;
                node.SignalName = _definitions.Index.Find<Signal>(signal.SignalRef)?.Name;
                if (string.IsNullOrEmpty(node.SignalName))
                {
                    Report(CompileDiagnosticCodes.MissingValue, $"Signal event '{node.Id}' refers to signal '{signal.SignalRef}', which has no name; name the signal.", source);
                }

                break;
            case ErrorEventDefinition error:
                node.Event = EventKind.Error;
                if (error.ErrorRef is not null)
                {
                    var found = _definitions.Index.Find<Error>(error.ErrorRef);
                    if (found is null)
                    {
                        Report(CompileDiagnosticCodes.DanglingReference, $"Error event '{node.Id}' refers to error '{error.ErrorRef}', which does not exist; declare it or fix errorRef.", source);
                    }

                    node.ErrorCode = found?.ErrorCode;
                }

                if (node.Kind == NodeKind.EndEvent && string.IsNullOrEmpty(node.ErrorCode))
                {
                    Report(CompileDiagnosticCodes.MissingValue, $"Error end event '{node.Id}' throws no error code; reference an error with an errorCode.", source);
                }

                break;
            case EscalationEventDefinition escalation:
                node.Event = EventKind.Escalation;
                if (escalation.EscalationRef is not null)
                {
                    node.EscalationCode = _definitions.Index.Find<Escalation>(escalation.EscalationRef)?.EscalationCode;
                }

                break;
            case CompensateEventDefinition compensate:
                node.Event = EventKind.Compensation;
                if (compensate.ActivityRef is not null)
                {
                    node.CompensateTarget = _byId.GetValueOrDefault(compensate.ActivityRef);
                    if (node.CompensateTarget is null)
                    {
                        Report(CompileDiagnosticCodes.DanglingReference, $"Compensation event '{node.Id}' names activity '{compensate.ActivityRef}', which does not exist.", source);
                    }
                }

                break;
            case LinkEventDefinition link:
                node.Event = EventKind.Link;
                node.LinkName = link.Name;
                if (string.IsNullOrEmpty(link.Name))
                {
                    Report(CompileDiagnosticCodes.MissingValue, $"Link event '{node.Id}' has no link name; name it.", source);
                }

                break;
            case TerminateEventDefinition:
                node.Event = EventKind.Terminate;
                break;
            default:
                Report(CompileDiagnosticCodes.Unsupported, $"Event '{node.Id}' has a {definitions[0].ElementName}, which the engine does not run.", source);
                break;
        }
    }

    private void ConfigureMessage(ExecutableNode node, string? messageRef, BaseElement source)
    {
        var message = _definitions.Index.Find<Message>(messageRef);
        if (message is null || string.IsNullOrEmpty(message.Name))
        {
            if (node.Kind is NodeKind.EndEvent or NodeKind.IntermediateThrowEvent or NodeKind.SendTask)
            {
                return;
            }

            Report(CompileDiagnosticCodes.MissingValue, $"Message event '{node.Id}' refers to message '{messageRef}', which is missing or has no name; declare the message with a name.", source);
            return;
        }

        if (message.Name.StartsWith('='))
        {
            node.MessageNameSource = Value(message.Name, message, "name");
        }
        else
        {
            node.MessageName = message.Name;
        }

        var subscription = message.Extension<ZeebeSubscription>();
        if (subscription?.CorrelationKey is { Length: > 0 } key)
        {
            node.CorrelationKey = Value(key, message, "correlationKey");
        }
    }

    private void ConfigureJob(ExecutableNode node, BaseElement source)
    {
        var task = source.Extension<ZeebeTaskDefinition>();
        if (task?.Type is { Length: > 0 } type)
        {
            node.JobType = Value(type, source, "type");
            node.JobRetries = task.Retries is { Length: > 0 } retries ? Value(retries, source, "retries") : null;
        }

        var headers = source.Extension<ZeebeTaskHeaders>();
        if (headers is { Headers.Count: > 0 })
        {
            var map = new Dictionary<string, string>(StringComparer.Ordinal);
            foreach (var header in headers.Headers)
            {
                if (header.Key is not null)
                {
                    map[header.Key] = header.Value ?? "";
                }
            }

            node.Headers = map;
        }
    }

    private void ConfigureActivity(ExecutableNode node, Activity activity)
    {
        node.IsForCompensation = activity.IsForCompensation;
        ConfigureJob(node, activity);
        switch (activity)
        {
            case UserTask:
                var assignment = activity.Extension<ZeebeAssignmentDefinition>();
                var schedule = activity.Extension<ZeebeTaskSchedule>();
                var priority = activity.Extension<ZeebePriorityDefinition>();
                var form = activity.Extension<ZeebeFormDefinition>();
                node.UserTask = new UserTaskSpec
                {
                    Assignee = OptionalValue(assignment?.Assignee, activity, "assignee"),
                    CandidateUsers = OptionalValue(assignment?.CandidateUsers, activity, "candidateUsers"),
                    CandidateGroups = OptionalValue(assignment?.CandidateGroups, activity, "candidateGroups"),
                    DueDate = OptionalValue(schedule?.DueDate, activity, "dueDate"),
                    FollowUpDate = OptionalValue(schedule?.FollowUpDate, activity, "followUpDate"),
                    Priority = OptionalValue(priority?.Priority, activity, "priority"),
                    FormKey = form?.FormKey ?? form?.FormId ?? form?.ExternalReference,
                };
                break;
            case ScriptTask:
                var script = activity.Extension<ZeebeScript>();
                if (script?.Expression is { Length: > 0 } expression)
                {
                    node.Script = CompileFeel(expression, activity, "script expression", requireFeel: false);
                    node.ResultVariable = script.ResultVariable;
                }

                break;
            case BusinessRuleTask:
                var decision = activity.Extension<ZeebeCalledDecision>();
                if (decision?.DecisionId is { Length: > 0 } decisionId)
                {
                    node.DecisionId = Value(decisionId, activity, "decisionId");
                    node.ResultVariable = decision.ResultVariable;
                    if (string.IsNullOrEmpty(decision.ResultVariable))
                    {
                        Report(CompileDiagnosticCodes.MissingValue, $"Business rule task '{node.Id}' calls decision '{decisionId}' without a resultVariable; name the variable the result goes to.", activity);
                    }
                }

                break;
            case ReceiveTask receive:
                node.Event = EventKind.Message;
                ConfigureMessage(node, receive.MessageRef, activity);
                break;
            case CallActivity call:
                var called = call.Extension<ZeebeCalledElement>();
                var processId = called?.ProcessId ?? call.CalledElement;
                if (string.IsNullOrEmpty(processId))
                {
                    Report(CompileDiagnosticCodes.MissingValue, $"Call activity '{node.Id}' names no process; set zeebe:calledElement processId.", activity);
                }
                else
                {
                    node.CalledProcessId = Value(processId, activity, "processId");
                }

                node.PropagateAllChildVariables = called?.PropagateAllChildVariables ?? true;
                node.PropagateAllParentVariables = called?.PropagateAllParentVariables ?? true;
                break;
            case SubProcess { TriggeredByEvent: true }:
                var start = node.InnerScope!.Nodes.FirstOrDefault(n => n.Kind == NodeKind.StartEvent);
                if (start is null)
                {
                    Report(CompileDiagnosticCodes.MissingValue, $"Event sub-process '{node.Id}' has no start event; add one with an event definition.", activity);
                }

                break;
        }

        switch (activity.LoopCharacteristics)
        {
            case MultiInstanceLoopCharacteristics mi:
                var zeebe = mi.Zeebe;
                node.MultiInstance = new MultiInstanceSpec
                {
                    IsSequential = mi.IsSequential,
                    InputCollection = zeebe?.InputCollection is { Length: > 0 } collection ? CompileFeel(collection, activity, "inputCollection", requireFeel: false) : null,
                    LoopCardinality = mi.LoopCardinality is { } cardinality && !string.IsNullOrWhiteSpace(cardinality.Text) ? CompileFeel(cardinality.Text, activity, "loopCardinality", requireFeel: false) : null,
                    InputElement = NullIfEmpty(zeebe?.InputElement),
                    OutputCollection = NullIfEmpty(zeebe?.OutputCollection),
                    OutputElement = zeebe?.OutputElement is { Length: > 0 } output ? CompileFeel(output, activity, "outputElement", requireFeel: false) : null,
                    CompletionCondition = mi.CompletionCondition is { } completion && !string.IsNullOrWhiteSpace(completion.Text) ? CompileFeel(completion.Text, activity, "completionCondition", requireFeel: false) : null,
                };
                if (node.MultiInstance.InputCollection is null && node.MultiInstance.LoopCardinality is null)
                {
                    Report(CompileDiagnosticCodes.MissingValue, $"Multi-instance activity '{node.Id}' has neither an inputCollection nor a loopCardinality; give it one.", activity);
                }

                break;
            case StandardLoopCharacteristics loop:
                node.Loop = new LoopSpec(
                    loop.TestBefore,
                    loop.LoopMaximum,
                    loop.LoopCondition is { } condition && !string.IsNullOrWhiteSpace(condition.Text) ? CompileFeel(condition.Text, activity, "loopCondition", requireFeel: false) : null);
                break;
        }
    }

    private void FinishScope(ExecutableScope scope, IFlowElementsContainer container)
    {
        var eventStarts = new List<ExecutableNode>();
        var links = new Dictionary<string, ExecutableNode>(StringComparer.Ordinal);
        var slots = 0;
        foreach (var node in scope.Nodes)
        {
            switch (node.Kind)
            {
                case NodeKind.StartEvent when node.Event == EventKind.None || scope.Owner.Kind == NodeKind.Process:
                    if (node.Event == EventKind.None)
                    {
                        if (scope.NoneStart is not null)
                        {
                            Report(CompileDiagnosticCodes.AmbiguousStart, $"Scope '{scope.Owner.Id}' has more than one none start event ('{scope.NoneStart.Id}', '{node.Id}'); keep one.", _sources[node]);
                        }

                        scope.NoneStart ??= node;
                    }

                    break;
                case NodeKind.StartEvent when scope.Owner.Kind == NodeKind.EventSubProcess:
                    scope.NoneStart ??= node;
                    break;
                case NodeKind.EventSubProcess:
                    var start = node.InnerScope!.Nodes.FirstOrDefault(n => n.Kind == NodeKind.StartEvent);
                    if (start is not null)
                    {
                        node.Event = start.Event;
                        node.Interrupting = start.Interrupting;
                        eventStarts.Add(start);
                    }

                    break;
                case NodeKind.ParallelGateway or NodeKind.InclusiveGateway when node.Incoming.Length > 1:
                    node.IsJoin = true;
                    node.JoinSlotBase = slots;
                    for (var i = 0; i < node.Incoming.Length; i++)
                    {
                        node.Incoming[i].JoinSlot = slots + i;
                    }

                    slots += node.Incoming.Length;
                    scope.HasInclusiveJoin |= node.Kind == NodeKind.InclusiveGateway;
                    break;
                case NodeKind.IntermediateCatchEvent when node.Event == EventKind.Link && node.LinkName is not null:
                    links[node.LinkName] = node;
                    break;
            }
        }

        foreach (var boundary in scope.Nodes)
        {
            if (boundary.Kind == NodeKind.BoundaryEvent && boundary.Event == EventKind.Compensation && boundary.AttachedTo is { } activity)
            {
                activity.CompensationHandler = FindCompensationHandler(boundary, container);
                if (activity.CompensationHandler is null)
                {
                    Report(CompileDiagnosticCodes.MissingValue, $"Compensation boundary event '{boundary.Id}' has no association to a compensation handler; connect it to an activity with isForCompensation=true.", _sources[boundary]);
                }
            }
        }

        foreach (var node in scope.Nodes)
        {
            if (node.Kind == NodeKind.IntermediateThrowEvent && node.Event == EventKind.Link && node.LinkName is not null && !links.ContainsKey(node.LinkName))
            {
                Report(CompileDiagnosticCodes.DanglingReference, $"Link throw event '{node.Id}' jumps to link '{node.LinkName}', but no link catch event in the same scope has that name.", _sources[node]);
            }

            node.HasConditionalOutgoing = node.Kind != NodeKind.ParallelGateway
                && (node.DefaultFlow is not null || Array.Exists(node.Outgoing, f => f.Condition is not null)
                    || (node.Kind == NodeKind.ExclusiveGateway && node.Outgoing.Length > 1));
            node.IsTransient = IsTransient(node);
        }

        scope.EventSubProcessStarts = [.. eventStarts];
        scope.LinkTargets = links;
        scope.JoinSlotCount = slots;
        if (scope.NoneStart is null && scope.Owner.Kind is NodeKind.SubProcess)
        {
            Report(CompileDiagnosticCodes.MissingValue, $"Sub-process '{scope.Owner.Id}' has no none start event; add one.", _sources[scope.Owner]);
        }

        scope.ComputeReachability();
    }

    private ExecutableNode? FindCompensationHandler(ExecutableNode boundary, IFlowElementsContainer container)
    {
        foreach (var artifact in AllArtifacts(container))
        {
            if (artifact is Association association && association.SourceRef == boundary.Id
                && association.TargetRef is not null && _byId.TryGetValue(association.TargetRef, out var handler))
            {
                return handler;
            }
        }

        return null;
    }

    private IEnumerable<Artifact> AllArtifacts(IFlowElementsContainer container)
    {
        foreach (var artifact in container.Artifacts)
        {
            yield return artifact;
        }

        // bpmn-js puts the association of a compensation boundary event in the process even when the task is nested.
        if (_definitions.Index.ProcessOf(container.Id ?? "") is { } process && !ReferenceEquals(process, container))
        {
            foreach (var artifact in process.Artifacts)
            {
                yield return artifact;
            }
        }
    }

    private static bool IsTransient(ExecutableNode node)
    {
        if (node.Inputs.Length > 0 || node.Outputs.Length > 0 || node.Boundaries.Length > 0 || node.MultiInstance is not null || node.Loop is not null || node.IsForCompensation)
        {
            return false;
        }

        return node.Kind switch
        {
            NodeKind.Task or NodeKind.ManualTask => true,
            NodeKind.ExclusiveGateway or NodeKind.ParallelGateway or NodeKind.InclusiveGateway => true,
            NodeKind.StartEvent or NodeKind.EndEvent => node.Event == EventKind.None,
            NodeKind.IntermediateThrowEvent => node.Event is EventKind.None or EventKind.Link,
            _ => false,
        };
    }

    private VariableMapping[] Mappings(IReadOnlyList<ZeebeMapping> mappings, BaseElement source)
    {
        var list = new List<VariableMapping>(mappings.Count);
        foreach (var mapping in mappings)
        {
            if (string.IsNullOrEmpty(mapping.Target))
            {
                Report(CompileDiagnosticCodes.MissingValue, "An io mapping has no target; name the variable it writes.", source);
                continue;
            }

            var value = Value(mapping.Source ?? "=null", source, "mapping source");
            list.Add(new VariableMapping(value, mapping.Target, mapping.Target.Split('.')));
        }

        return [.. list];
    }

    private ValueSource? OptionalValue(string? text, BaseElement source, string what) =>
        string.IsNullOrEmpty(text) ? null : Value(text, source, what);

    private ValueSource Value(string text, BaseElement source, string what)
    {
        var trimmed = text.Trim();
        if (trimmed.StartsWith('='))
        {
            var compiled = CompileFeel(trimmed, source, what, requireFeel: true);
            return compiled is null ? new ValueSource(trimmed) : new ValueSource(compiled);
        }

        return new ValueSource(trimmed);
    }

    private CompiledExpression? CompileFeel(string text, BaseElement source, string what, bool requireFeel)
    {
        var trimmed = text.Trim();
        if (trimmed.StartsWith('='))
        {
            trimmed = trimmed[1..];
        }
        else if (requireFeel)
        {
            Report(CompileDiagnosticCodes.BadExpression, $"The {what} '{text}' of '{source.Id}' is not a FEEL expression; write it as '={text}'.", source);
            return null;
        }

        var compiled = _language.Compile(trimmed);
        if (compiled.Expression is null)
        {
            Report(CompileDiagnosticCodes.BadExpression, $"The {what} '{text}' of '{source.Id}' does not compile: {compiled.Error}", source);
        }

        return compiled.Expression;
    }

    private static string? NullIfEmpty(string? text) => string.IsNullOrEmpty(text) ? null : text;

    private void Report(string code, string message, BaseElement element) =>
        _diagnostics.Add(new Diagnostic(DiagnosticSeverity.Error, code, message, _file, element.Position.Line > 0 ? element.Position.Line : null, element.Position.Line > 0 ? element.Position.Column : null, element.Id));
}
