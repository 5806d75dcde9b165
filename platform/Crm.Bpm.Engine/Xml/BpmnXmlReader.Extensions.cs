using System.Xml.Linq;
using Crm.Bpm.Diagnostics;
using Crm.Bpm.Engine.Model;
using Crm.Bpm.Engine.Model.Zeebe;

namespace Crm.Bpm.Engine.Xml;

/// <summary>The <c>extensionElements</c> block: typed Camunda 8 elements, everything else verbatim.</summary>
internal sealed partial class BpmnXmlReader
{
    private ExtensionElements ReadExtensionElements()
    {
        var position = CurrentPosition();
        var items = new List<ExtensionElement>();
        if (EnterContent())
        {
            while (NextChild())
            {
                if ((object)_reader.NamespaceURI == _zeebe)
                {
                    items.Add(ReadZeebe());
                }
                else
                {
                    var itemPosition = CurrentPosition();
                    items.Add(new UnknownExtensionElement(ReadVerbatim()) { Position = itemPosition });
                }
            }
        }

        return new ExtensionElements { Position = position, Items = items };
    }

    private ExtensionElement ReadZeebe()
    {
        var local = _reader.LocalName;
        var position = CurrentPosition();
        ReadAttributes();
        ExtensionElement element;
        switch (local)
        {
            case "taskDefinition":
                element = new ZeebeTaskDefinition { Type = Take("type"), Retries = Take("retries") };
                break;
            case "assignmentDefinition":
                element = new ZeebeAssignmentDefinition { Assignee = Take("assignee"), CandidateGroups = Take("candidateGroups"), CandidateUsers = Take("candidateUsers") };
                break;
            case "taskSchedule":
                element = new ZeebeTaskSchedule { DueDate = Take("dueDate"), FollowUpDate = Take("followUpDate") };
                break;
            case "priorityDefinition":
                element = new ZeebePriorityDefinition { Priority = Take("priority") };
                break;
            case "formDefinition":
                element = new ZeebeFormDefinition
                {
                    FormKey = Take("formKey"),
                    FormId = Take("formId"),
                    ExternalReference = Take("externalReference"),
                    BindingType = Take("bindingType"),
                    VersionTag = Take("versionTag"),
                };
                break;
            case "calledElement":
                element = new ZeebeCalledElement
                {
                    ProcessId = Take("processId"),
                    PropagateAllChildVariables = TakeBool("propagateAllChildVariables", null, position),
                    PropagateAllParentVariables = TakeBool("propagateAllParentVariables", null, position),
                    BindingType = Take("bindingType"),
                    VersionTag = Take("versionTag"),
                };
                break;
            case "calledDecision":
                element = new ZeebeCalledDecision { DecisionId = Take("decisionId"), ResultVariable = Take("resultVariable"), BindingType = Take("bindingType"), VersionTag = Take("versionTag") };
                break;
            case "script":
                element = new ZeebeScript { Expression = Take("expression"), ResultVariable = Take("resultVariable") };
                break;
            case "subscription":
                element = new ZeebeSubscription { CorrelationKey = Take("correlationKey") };
                break;
            case "loopCharacteristics":
                element = new ZeebeLoopCharacteristics
                {
                    InputCollection = Take("inputCollection"),
                    InputElement = Take("inputElement"),
                    OutputCollection = Take("outputCollection"),
                    OutputElement = Take("outputElement"),
                };
                break;
            case "versionTag":
                element = new ZeebeVersionTag { Value = Take("value") };
                break;
            case "adHoc":
                element = new ZeebeAdHoc { ActiveElementsCollection = Take("activeElementsCollection"), OutputCollection = Take("outputCollection"), OutputElement = Take("outputElement") };
                break;
            case "userTask":
                element = new ZeebeUserTask();
                break;
            case "userTaskForm":
            {
                var formId = Take("id");
                var formAttributes = FinishAttributes();
                VerbatimElementList? formChildren = null;
                var body = ReadText(ref formChildren);
                return new ZeebeUserTaskForm
                {
                    Id = formId,
                    Body = body,
                    Position = position,
                    OtherAttributes = formAttributes,
                    OtherChildren = (IReadOnlyList<XElement>?)formChildren ?? [],
                };
            }

            case "ioMapping" or "taskHeaders" or "properties" or "executionListeners" or "taskListeners" or "linkedResources":
                return ReadZeebeList(local, position);
            default:
            {
                // A Zeebe element this engine does not know yet (a newer Camunda version's): keep it verbatim.
                FinishAttributes();
                return new UnknownExtensionElement(ReadVerbatim()) { Position = position };
            }
        }

        var attributes = FinishAttributes();
        var children = ReadZeebeOtherChildren();
        return element with { Position = position, OtherAttributes = attributes, OtherChildren = (IReadOnlyList<XElement>?)children ?? [] };
    }

    private VerbatimElementList? ReadZeebeOtherChildren()
    {
        if (!EnterContent())
        {
            return null;
        }

        VerbatimElementList? children = null;
        while (NextChild())
        {
            children ??= new VerbatimElementList();
            children.Add(ReadVerbatim());
        }

        return children;
    }

    private ExtensionElement ReadZeebeList(string local, SourcePosition position)
    {
        var attributes = FinishAttributes();
        VerbatimElementList? other = null;
        var inputs = new List<ZeebeMapping>();
        var outputs = new List<ZeebeMapping>();
        var headers = new List<ZeebeHeader>();
        var properties = new List<ZeebeProperty>();
        var listeners = new List<ZeebeListener>();
        var resources = new List<ZeebeLinkedResource>();
        if (EnterContent())
        {
            while (NextChild())
            {
                var isZeebe = (object)_reader.NamespaceURI == _zeebe;
                var child = _reader.LocalName;
                var childPosition = CurrentPosition();
                switch (local)
                {
                    case "ioMapping" when isZeebe && child is "input" or "output":
                    {
                        ReadAttributes();
                        var mapping = new ZeebeMapping { Source = Take("source"), Target = Take("target"), Position = childPosition, OtherAttributes = FinishAttributes() };
                        if (mapping.Target is null)
                        {
                            Report(DiagnosticSeverity.Error, BpmnDiagnosticCodes.MissingRequired,
                                $"The zeebe:{child} mapping has no 'target' attribute. Name the variable the value is stored in.", childPosition, null);
                        }

                        (child == "input" ? inputs : outputs).Add(mapping);
                        _reader.Skip();
                        continue;
                    }

                    case "taskHeaders" when isZeebe && child == "header":
                        ReadAttributes();
                        headers.Add(new ZeebeHeader { Key = Take("key"), Value = Take("value"), Position = childPosition, OtherAttributes = FinishAttributes() });
                        _reader.Skip();
                        continue;
                    case "properties" when isZeebe && child == "property":
                        ReadAttributes();
                        properties.Add(new ZeebeProperty { Name = Take("name"), Value = Take("value"), Position = childPosition, OtherAttributes = FinishAttributes() });
                        _reader.Skip();
                        continue;
                    case "executionListeners" when isZeebe && child == "executionListener":
                    case "taskListeners" when isZeebe && child == "taskListener":
                        ReadAttributes();
                        listeners.Add(new ZeebeListener { EventType = Take("eventType"), Type = Take("type"), Retries = Take("retries"), Position = childPosition, OtherAttributes = FinishAttributes() });
                        _reader.Skip();
                        continue;
                    case "linkedResources" when isZeebe && child == "linkedResource":
                        ReadAttributes();
                        resources.Add(new ZeebeLinkedResource
                        {
                            ResourceId = Take("resourceId"),
                            ResourceType = Take("resourceType"),
                            LinkName = Take("linkName"),
                            BindingType = Take("bindingType"),
                            VersionTag = Take("versionTag"),
                            Position = childPosition,
                            OtherAttributes = FinishAttributes(),
                        });
                        _reader.Skip();
                        continue;
                }

                other ??= new VerbatimElementList();
                other.Add(ReadVerbatim());
            }
        }

        ExtensionElement result = local switch
        {
            "ioMapping" => new ZeebeIoMapping { Inputs = inputs, Outputs = outputs },
            "taskHeaders" => new ZeebeTaskHeaders { Headers = headers },
            "properties" => new ZeebeProperties { Properties = properties },
            "executionListeners" => new ZeebeExecutionListeners { Listeners = listeners },
            "taskListeners" => new ZeebeTaskListeners { Listeners = listeners },
            _ => new ZeebeLinkedResources { Resources = resources },
        };
        return result with { Position = position, OtherAttributes = attributes, OtherChildren = (IReadOnlyList<XElement>?)other ?? [] };
    }
}
