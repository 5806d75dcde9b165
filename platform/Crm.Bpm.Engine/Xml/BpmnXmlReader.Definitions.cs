using System.Xml.Linq;
using Crm.Bpm.Diagnostics;
using Crm.Bpm.Engine.Model;
using Crm.Bpm.Engine.Model.Artifacts;
using Crm.Bpm.Engine.Model.Collaborations;
using Crm.Bpm.Engine.Model.Data;
using Crm.Bpm.Engine.Model.Diagram;
using Crm.Bpm.Engine.Model.Events;
using Crm.Bpm.Engine.Model.Processes;

namespace Crm.Bpm.Engine.Xml;

/// <summary>Definitions, root elements, collaborations and lanes.</summary>
internal sealed partial class BpmnXmlReader
{
    private BpmnDefinitions ReadDefinitions()
    {
        var position = CurrentPosition();
        ReadAttributes();
        var id = Take("id");
        var name = Take("name");
        var targetNamespace = Take("targetNamespace");
        var expressionLanguage = Take("expressionLanguage");
        var typeLanguage = Take("typeLanguage");
        var exporter = Take("exporter");
        var exporterVersion = Take("exporterVersion");
        var attributes = FinishAttributes();
        if (targetNamespace is null)
        {
            Report(DiagnosticSeverity.Warning, BpmnDiagnosticCodes.MissingRequired,
                "The definitions element has no 'targetNamespace' attribute, which BPMN 2.0 requires. Add one, for example targetNamespace=\"http://bpmn.io/schema/bpmn\".",
                position, id);
        }

        var namespaces = new List<NamespaceDeclaration>();
        var foreign = new List<ForeignAttribute>();
        foreach (var attribute in attributes)
        {
            if (attribute.Name.Namespace == XNamespace.Xmlns)
            {
                namespaces.Add(new NamespaceDeclaration(attribute.Prefix == "xmlns" ? attribute.Name.LocalName : "", attribute.Value));
            }
            else
            {
                foreign.Add(attribute);
            }
        }

        var common = default(Common);
        var imports = new List<Import>();
        var roots = new List<RootElement>();
        var diagrams = new List<BpmnDiagram>();
        if (EnterContent())
        {
            while (NextChild())
            {
                if (TryReadCommonChild(ref common))
                {
                    continue;
                }

                if (IsBpmn)
                {
                    if (_reader.LocalName == "import")
                    {
                        imports.Add(ReadImport());
                    }
                    else if (TryReadRootElement() is { } root)
                    {
                        roots.Add(root);
                    }
                    else
                    {
                        KeepUnmodeled(ref common, "definitions");
                    }
                }
                else if ((object)_reader.NamespaceURI == _bpmnDi && _reader.LocalName == "BPMNDiagram")
                {
                    diagrams.Add(ReadDiagram());
                }
                else
                {
                    KeepUnmodeled(ref common, "definitions");
                }
            }
        }

        var definitions = new BpmnDefinitions
        {
            Name = name,
            TargetNamespace = targetNamespace,
            ExpressionLanguage = expressionLanguage,
            TypeLanguage = typeLanguage,
            Exporter = exporter,
            ExporterVersion = exporterVersion,
            Namespaces = namespaces,
            Imports = imports,
            RootElements = roots,
            Diagrams = diagrams,
        };
        return Apply(definitions, id, position, ref common, foreign);
    }

    private Import ReadImport()
    {
        var position = CurrentPosition();
        ReadAttributes();
        var import = new Import
        {
            Namespace = Take("namespace"),
            Location = Take("location"),
            ImportType = Take("importType"),
            Position = position,
            ForeignAttributes = FinishAttributes(),
        };
        _reader.Skip();
        return import;
    }

    /// <summary>Reads a root element (the reader is on a BPMN element under definitions), or returns null when the name is not a root element's.</summary>
    private RootElement? TryReadRootElement()
    {
        switch (_reader.LocalName)
        {
            case "process":
                return ReadProcess();
            case "collaboration":
                return ReadCollaboration();
            case "message":
            case "signal":
            case "error":
            case "escalation":
            case "itemDefinition":
            case "dataStore":
                return ReadSimpleRoot(_reader.LocalName);
            case "category":
                return ReadCategory();
            case "messageEventDefinition" or "timerEventDefinition" or "errorEventDefinition" or "escalationEventDefinition"
                or "signalEventDefinition" or "compensateEventDefinition" or "conditionalEventDefinition" or "linkEventDefinition"
                or "cancelEventDefinition" or "terminateEventDefinition":
                return ReadEventDefinition();
            case "interface" or "resource" or "globalTask" or "globalUserTask" or "globalManualTask" or "globalScriptTask"
                or "globalBusinessRuleTask" or "globalChoreographyTask" or "globalConversation" or "correlationProperty" or "endPoint"
                or "partnerEntity" or "partnerRole" or "choreography" or "eventDefinition":
                return ReadUnmodeledRoot(warn: false);
            default:
                return BpmnElementNames.IsKnown(_reader.LocalName) && !BpmnElementNames.IsModeled(_reader.LocalName) && _reader.LocalName is not ("relationship" or "extension")
                    ? ReadUnmodeledRoot(warn: true)
                    : null;
        }
    }

    private UnmodeledRootElement ReadUnmodeledRoot(bool warn)
    {
        var position = CurrentPosition();
        if (warn)
        {
            Report(DiagnosticSeverity.Warning, BpmnDiagnosticCodes.MisplacedElement,
                $"<{_reader.LocalName}> is not a root element, so it may not stand directly under definitions; it is kept as it is but ignored.",
                position, null);
        }

        var element = ReadVerbatim().Element;
        var common = default(Common);
        return Apply(new UnmodeledRootElement(element), element.Attribute("id")?.Value, position, ref common, []);
    }

    private RootElement ReadSimpleRoot(string local)
    {
        var position = CurrentPosition();
        ReadAttributes();
        var id = Take("id");
        var name = Take("name");
        RootElement element = local switch
        {
            "message" => new Message { Name = name, ItemRef = Take("itemRef") },
            "signal" => new Signal { Name = name, StructureRef = Take("structureRef") },
            "error" => new Error { Name = name, ErrorCode = Take("errorCode"), StructureRef = Take("structureRef") },
            "escalation" => new Escalation { Name = name, EscalationCode = Take("escalationCode"), StructureRef = Take("structureRef") },
            "itemDefinition" => new ItemDefinition
            {
                ItemKind = TakeEnum("itemKind", ItemKind.Information, id, position),
                StructureRef = Take("structureRef"),
                IsCollection = TakeBool("isCollection", false, id, position),
            },
            _ => new DataStore
            {
                Name = name,
                Capacity = TakeInt("capacity", id, position),
                IsUnlimited = TakeBool("isUnlimited", true, id, position),
                ItemSubjectRef = Take("itemSubjectRef"),
            },
        };
        if (local == "itemDefinition" && name is not null)
        {
            // itemDefinition has no name in BPMN 2.0.2; keep it verbatim rather than drop it.
            _foreign ??= [];
            _foreign.Add(new ForeignAttribute(XName.Get("name"), name));
        }

        var foreign = FinishAttributes();
        var common = default(Common);
        ReadOnlyCommonChildren(ref common, local);
        return Apply(element, id, position, ref common, foreign);
    }

    /// <summary>Reads the children of an element whose only modelled children are documentation and extensions.</summary>
    private void ReadOnlyCommonChildren(ref Common common, string parent)
    {
        if (!EnterContent())
        {
            return;
        }

        while (NextChild())
        {
            if (!TryReadCommonChild(ref common))
            {
                KeepUnmodeled(ref common, parent);
            }
        }
    }

    private Category ReadCategory()
    {
        var position = CurrentPosition();
        ReadAttributes();
        var id = Take("id");
        var name = Take("name");
        var foreign = FinishAttributes();
        var common = default(Common);
        var values = new List<CategoryValue>();
        if (EnterContent())
        {
            while (NextChild())
            {
                if (TryReadCommonChild(ref common))
                {
                    continue;
                }

                if (IsBpmn && _reader.LocalName == "categoryValue")
                {
                    var valuePosition = CurrentPosition();
                    ReadAttributes();
                    var valueId = Take("id");
                    var value = new CategoryValue { Value = Take("value") };
                    var valueForeign = FinishAttributes();
                    var valueCommon = default(Common);
                    ReadOnlyCommonChildren(ref valueCommon, "categoryValue");
                    values.Add(Apply(value, valueId, valuePosition, ref valueCommon, valueForeign));
                }
                else
                {
                    KeepUnmodeled(ref common, "category");
                }
            }
        }

        return Apply(new Category { Name = name, CategoryValues = values }, id, position, ref common, foreign);
    }

    private Process ReadProcess()
    {
        var position = CurrentPosition();
        ReadAttributes();
        var id = Take("id");
        var name = Take("name");
        var processType = TakeEnum("processType", ProcessType.None, id, position);
        var isClosed = TakeBool("isClosed", false, id, position);
        var isExecutable = TakeBool("isExecutable", id, position);
        var definitional = Take("definitionalCollaborationRef");
        var foreign = FinishAttributes();
        if (id is null)
        {
            Missing("'id' attribute", "process", null, position, "Give the process an id; engines start processes by it.");
        }

        var common = default(Common);
        var scope = new ScopeParts();
        var properties = new List<Property>();
        IoSpecification? ioSpecification = null;
        var supports = new List<string>();
        if (EnterContent())
        {
            while (NextChild())
            {
                if (TryReadCommonChild(ref common) || TryReadScopeChild(scope))
                {
                    continue;
                }

                if (IsBpmn)
                {
                    switch (_reader.LocalName)
                    {
                        case "property":
                            properties.Add(ReadProperty());
                            continue;
                        case "ioSpecification":
                            ioSpecification = ReadIoSpecification();
                            continue;
                        case "supports":
                            supports.Add(ReadRefText());
                            continue;
                    }
                }

                KeepUnmodeled(ref common, $"process '{id}'");
            }
        }

        var process = new Process
        {
            Name = name,
            ProcessType = processType,
            IsClosed = isClosed,
            IsExecutable = isExecutable,
            DefinitionalCollaborationRef = definitional,
            Properties = properties,
            IoSpecification = ioSpecification,
            LaneSets = scope.LaneSets,
            FlowElements = scope.FlowElements,
            Artifacts = scope.Artifacts,
            Supports = supports,
        };
        return Apply(process, id, position, ref common, foreign);
    }

    /// <summary>The flow elements, artifacts and lane sets of one process or sub-process, gathered in source order.</summary>
    private sealed class ScopeParts
    {
        public List<FlowElement> FlowElements { get; } = [];

        public List<Artifact> Artifacts { get; } = [];

        public List<LaneSet> LaneSets { get; } = [];
    }

    /// <summary>Reads a child that belongs to a flow-element container: a flow element, an artifact or a lane set.</summary>
    private bool TryReadScopeChild(ScopeParts scope)
    {
        if (!IsBpmn)
        {
            return false;
        }

        if (_reader.LocalName == "laneSet")
        {
            scope.LaneSets.Add(ReadLaneSet());
            return true;
        }

        if (TryReadArtifact() is { } artifact)
        {
            scope.Artifacts.Add(artifact);
            return true;
        }

        if (TryReadFlowElement() is { } flowElement)
        {
            scope.FlowElements.Add(flowElement);
            return true;
        }

        return false;
    }

    private LaneSet ReadLaneSet()
    {
        var position = CurrentPosition();
        ReadAttributes();
        var id = Take("id");
        var name = Take("name");
        var foreign = FinishAttributes();
        var common = default(Common);
        var lanes = new List<Lane>();
        if (EnterContent())
        {
            while (NextChild())
            {
                if (TryReadCommonChild(ref common))
                {
                    continue;
                }

                if (IsBpmn && _reader.LocalName == "lane")
                {
                    lanes.Add(ReadLane());
                }
                else
                {
                    KeepUnmodeled(ref common, "laneSet");
                }
            }
        }

        return Apply(new LaneSet { Name = name, Lanes = lanes }, id, position, ref common, foreign);
    }

    private Lane ReadLane()
    {
        var position = CurrentPosition();
        ReadAttributes();
        var id = Take("id");
        var name = Take("name");
        var partition = Take("partitionElementRef");
        var foreign = FinishAttributes();
        var common = default(Common);
        var refs = new List<string>();
        LaneSet? child = null;
        if (EnterContent())
        {
            while (NextChild())
            {
                if (TryReadCommonChild(ref common))
                {
                    continue;
                }

                if (IsBpmn && _reader.LocalName == "flowNodeRef")
                {
                    refs.Add(ReadRefText());
                }
                else if (IsBpmn && _reader.LocalName == "childLaneSet")
                {
                    child = ReadLaneSet();
                }
                else
                {
                    KeepUnmodeled(ref common, $"lane '{id}'");
                }
            }
        }

        return Apply(new Lane { Name = name, PartitionElementRef = partition, FlowNodeRefs = refs, ChildLaneSet = child }, id, position, ref common, foreign);
    }

    private Collaboration ReadCollaboration()
    {
        var position = CurrentPosition();
        ReadAttributes();
        var id = Take("id");
        var name = Take("name");
        var isClosed = TakeBool("isClosed", false, id, position);
        var foreign = FinishAttributes();
        var common = default(Common);
        var participants = new List<Participant>();
        var messageFlows = new List<MessageFlow>();
        var artifacts = new List<Artifact>();
        if (EnterContent())
        {
            while (NextChild())
            {
                if (TryReadCommonChild(ref common))
                {
                    continue;
                }

                if (IsBpmn && _reader.LocalName == "participant")
                {
                    participants.Add(ReadParticipant());
                }
                else if (IsBpmn && _reader.LocalName == "messageFlow")
                {
                    messageFlows.Add(ReadMessageFlow());
                }
                else if (IsBpmn && TryReadArtifact() is { } artifact)
                {
                    artifacts.Add(artifact);
                }
                else
                {
                    KeepUnmodeled(ref common, $"collaboration '{id}'");
                }
            }
        }

        var collaboration = new Collaboration { Name = name, IsClosed = isClosed, Participants = participants, MessageFlows = messageFlows, Artifacts = artifacts };
        return Apply(collaboration, id, position, ref common, foreign);
    }

    private Participant ReadParticipant()
    {
        var position = CurrentPosition();
        ReadAttributes();
        var id = Take("id");
        var participant = new Participant { Name = Take("name"), ProcessRef = Take("processRef") };
        var foreign = FinishAttributes();
        if (id is null)
        {
            Missing("'id' attribute", "participant", null, position, "Give the pool an id.");
        }

        var common = default(Common);
        ReadOnlyCommonChildren(ref common, "participant");
        return Apply(participant, id, position, ref common, foreign);
    }

    private MessageFlow ReadMessageFlow()
    {
        var position = CurrentPosition();
        ReadAttributes();
        var id = Take("id");
        const string advice = "A message flow must name the element it starts at and the one it ends at.";
        var flow = new MessageFlow
        {
            Name = Take("name"),
            SourceRef = TakeRequired("sourceRef", "messageFlow", id, position, advice),
            TargetRef = TakeRequired("targetRef", "messageFlow", id, position, advice),
            MessageRef = Take("messageRef"),
        };
        var foreign = FinishAttributes();
        if (id is null)
        {
            Missing("'id' attribute", "messageFlow", null, position, "Give the message flow an id.");
        }

        var common = default(Common);
        ReadOnlyCommonChildren(ref common, "messageFlow");
        return Apply(flow, id, position, ref common, foreign);
    }

    /// <summary>Reads a text annotation, association or group, or returns null (reader untouched) for any other element.</summary>
    private Artifact? TryReadArtifact()
    {
        var local = _reader.LocalName;
        if (local is not ("textAnnotation" or "association" or "group"))
        {
            return null;
        }

        var position = CurrentPosition();
        ReadAttributes();
        var id = Take("id");
        var common = default(Common);
        switch (local)
        {
            case "association":
            {
                var association = new Association
                {
                    SourceRef = TakeRequired("sourceRef", "association", id, position, "An association must name what it connects."),
                    TargetRef = TakeRequired("targetRef", "association", id, position, "An association must name what it connects."),
                    AssociationDirection = TakeEnum("associationDirection", AssociationDirection.None, id, position),
                };
                var foreign = FinishAttributes();
                ReadOnlyCommonChildren(ref common, "association");
                return Apply(association, id, position, ref common, foreign);
            }

            case "group":
            {
                var group = new Group { CategoryValueRef = Take("categoryValueRef") };
                var foreign = FinishAttributes();
                ReadOnlyCommonChildren(ref common, "group");
                return Apply(group, id, position, ref common, foreign);
            }

            default:
            {
                var format = Take("textFormat");
                var foreign = FinishAttributes();
                string? text = null;
                if (EnterContent())
                {
                    while (NextChild())
                    {
                        if (TryReadCommonChild(ref common))
                        {
                            continue;
                        }

                        if (IsBpmn && _reader.LocalName == "text")
                        {
                            var more = common.Unmodeled;
                            text = ReadText(ref more);
                            common.Unmodeled = more;
                        }
                        else
                        {
                            KeepUnmodeled(ref common, "textAnnotation");
                        }
                    }
                }

                return Apply(new TextAnnotation { Text = text, TextFormat = format }, id, position, ref common, foreign);
            }
        }
    }
}
