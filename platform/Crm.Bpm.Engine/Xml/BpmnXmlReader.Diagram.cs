using System.Xml.Linq;
using Crm.Bpm.Engine.Model;
using Crm.Bpm.Engine.Model.Diagram;

namespace Crm.Bpm.Engine.Xml;

/// <summary>Diagram interchange: diagrams, planes, shapes, edges, labels and label styles (BPMN 2.0.2 §12).</summary>
internal sealed partial class BpmnXmlReader
{
    private bool IsBpmnDi => (object)_reader.NamespaceURI == _bpmnDi;

    private BpmnDiagram ReadDiagram()
    {
        var position = CurrentPosition();
        ReadAttributes();
        var id = Take("id");
        var name = Take("name");
        var documentation = Take("documentation");
        var resolution = TakeDouble("resolution", id, position);
        var foreign = FinishAttributes();
        BpmnPlane? plane = null;
        var styles = new List<BpmnLabelStyle>();
        VerbatimElementList? other = null;
        if (EnterContent())
        {
            while (NextChild())
            {
                if (IsBpmnDi && _reader.LocalName == "BPMNPlane" && plane is null)
                {
                    plane = ReadPlane();
                }
                else if (IsBpmnDi && _reader.LocalName == "BPMNLabelStyle")
                {
                    styles.Add(ReadLabelStyle());
                }
                else
                {
                    other ??= new VerbatimElementList();
                    other.Add(ReadVerbatim());
                }
            }
        }

        if (plane is null)
        {
            Missing("BPMNPlane", "BPMNDiagram", id, position, "A diagram needs a plane that names the process or collaboration it draws.");
        }

        return new BpmnDiagram
        {
            Id = id,
            Name = name,
            Documentation = documentation,
            Resolution = resolution,
            Plane = plane,
            LabelStyles = styles,
            Position = position,
            ForeignAttributes = foreign,
            UnmodeledChildren = (IReadOnlyList<XElement>?)other ?? [],
        };
    }

    private BpmnPlane ReadPlane()
    {
        var position = CurrentPosition();
        ReadAttributes();
        var id = Take("id");
        var bpmnElement = Take("bpmnElement");
        var foreign = FinishAttributes();
        var elements = new List<DiagramElement>();
        VerbatimElementList? other = null;
        if (EnterContent())
        {
            while (NextChild())
            {
                if (IsBpmnDi && _reader.LocalName == "BPMNShape")
                {
                    elements.Add(ReadShape());
                }
                else if (IsBpmnDi && _reader.LocalName == "BPMNEdge")
                {
                    elements.Add(ReadEdge());
                }
                else
                {
                    other ??= new VerbatimElementList();
                    other.Add(ReadVerbatim());
                }
            }
        }

        return new BpmnPlane
        {
            Id = id,
            BpmnElement = bpmnElement,
            Elements = elements,
            Position = position,
            ForeignAttributes = foreign,
            UnmodeledChildren = (IReadOnlyList<XElement>?)other ?? [],
        };
    }

    private BpmnShape ReadShape()
    {
        var position = CurrentPosition();
        ReadAttributes();
        var id = Take("id");
        var bpmnElement = Take("bpmnElement");
        var isHorizontal = TakeBool("isHorizontal", id, position);
        var isExpanded = TakeBool("isExpanded", id, position);
        var isMarkerVisible = TakeBool("isMarkerVisible", id, position);
        var isMessageVisible = TakeBool("isMessageVisible", id, position);
        var bandKind = Take("participantBandKind");
        var choreography = Take("choreographyActivityShape");
        var foreign = FinishAttributes();
        Bounds? bounds = null;
        BpmnLabel? label = null;
        VerbatimElementList? other = null;
        if (EnterContent())
        {
            while (NextChild())
            {
                if ((object)_reader.NamespaceURI == _dc && _reader.LocalName == "Bounds" && bounds is null)
                {
                    bounds = ReadBounds();
                }
                else if (IsBpmnDi && _reader.LocalName == "BPMNLabel" && label is null)
                {
                    label = ReadLabel();
                }
                else
                {
                    other ??= new VerbatimElementList();
                    other.Add(ReadVerbatim());
                }
            }
        }

        if (bounds is null)
        {
            Missing("dc:Bounds", "BPMNShape", id, position, "A shape needs bounds (x, y, width, height); lay the diagram out again in the modeler.");
        }

        return new BpmnShape
        {
            Id = id,
            BpmnElement = bpmnElement,
            Bounds = bounds,
            IsHorizontal = isHorizontal,
            IsExpanded = isExpanded,
            IsMarkerVisible = isMarkerVisible,
            IsMessageVisible = isMessageVisible,
            ParticipantBandKind = bandKind,
            ChoreographyActivityShape = choreography,
            Label = label,
            Position = position,
            ForeignAttributes = foreign,
            UnmodeledChildren = (IReadOnlyList<XElement>?)other ?? [],
        };
    }

    private BpmnEdge ReadEdge()
    {
        var position = CurrentPosition();
        ReadAttributes();
        var id = Take("id");
        var bpmnElement = Take("bpmnElement");
        var source = Take("sourceElement");
        var target = Take("targetElement");
        var visibleKind = Take("messageVisibleKind");
        var foreign = FinishAttributes();
        var waypoints = new List<Waypoint>();
        BpmnLabel? label = null;
        VerbatimElementList? other = null;
        if (EnterContent())
        {
            while (NextChild())
            {
                if ((object)_reader.NamespaceURI == _di && _reader.LocalName == "waypoint")
                {
                    var pointPosition = CurrentPosition();
                    ReadAttributes();
                    var x = TakeDouble("x", id, pointPosition);
                    var y = TakeDouble("y", id, pointPosition);
                    FinishAttributes();
                    if (x is null || y is null)
                    {
                        Missing("'x' and 'y' attributes", "di:waypoint", id, pointPosition, "Every waypoint of an edge needs both coordinates.");
                    }

                    waypoints.Add(new Waypoint(x ?? 0, y ?? 0));
                    _reader.Skip();
                }
                else if (IsBpmnDi && _reader.LocalName == "BPMNLabel" && label is null)
                {
                    label = ReadLabel();
                }
                else
                {
                    other ??= new VerbatimElementList();
                    other.Add(ReadVerbatim());
                }
            }
        }

        return new BpmnEdge
        {
            Id = id,
            BpmnElement = bpmnElement,
            SourceElement = source,
            TargetElement = target,
            MessageVisibleKind = visibleKind,
            Waypoints = waypoints,
            Label = label,
            Position = position,
            ForeignAttributes = foreign,
            UnmodeledChildren = (IReadOnlyList<XElement>?)other ?? [],
        };
    }

    private BpmnLabel ReadLabel()
    {
        var position = CurrentPosition();
        ReadAttributes();
        var id = Take("id");
        var style = Take("labelStyle");
        var foreign = FinishAttributes();
        Bounds? bounds = null;
        VerbatimElementList? other = null;
        if (EnterContent())
        {
            while (NextChild())
            {
                if ((object)_reader.NamespaceURI == _dc && _reader.LocalName == "Bounds" && bounds is null)
                {
                    bounds = ReadBounds();
                }
                else
                {
                    other ??= new VerbatimElementList();
                    other.Add(ReadVerbatim());
                }
            }
        }

        return new BpmnLabel { Id = id, LabelStyle = style, Bounds = bounds, Position = position, ForeignAttributes = foreign, UnmodeledChildren = (IReadOnlyList<XElement>?)other ?? [] };
    }

    private BpmnLabelStyle ReadLabelStyle()
    {
        var position = CurrentPosition();
        ReadAttributes();
        var id = Take("id");
        var foreign = FinishAttributes();
        DiagramFont? font = null;
        VerbatimElementList? other = null;
        if (EnterContent())
        {
            while (NextChild())
            {
                if ((object)_reader.NamespaceURI == _dc && _reader.LocalName == "Font" && font is null)
                {
                    var fontPosition = CurrentPosition();
                    ReadAttributes();
                    font = new DiagramFont
                    {
                        Name = Take("name"),
                        Size = TakeDouble("size", id, fontPosition),
                        IsBold = TakeBool("isBold", id, fontPosition),
                        IsItalic = TakeBool("isItalic", id, fontPosition),
                        IsUnderline = TakeBool("isUnderline", id, fontPosition),
                        IsStrikeThrough = TakeBool("isStrikeThrough", id, fontPosition),
                        Position = fontPosition,
                    };
                    FinishAttributes();
                    _reader.Skip();
                }
                else
                {
                    other ??= new VerbatimElementList();
                    other.Add(ReadVerbatim());
                }
            }
        }

        return new BpmnLabelStyle { Id = id, Font = font, Position = position, ForeignAttributes = foreign, UnmodeledChildren = (IReadOnlyList<XElement>?)other ?? [] };
    }

    private Bounds ReadBounds()
    {
        var position = CurrentPosition();
        ReadAttributes();
        var x = TakeDouble("x", null, position);
        var y = TakeDouble("y", null, position);
        var width = TakeDouble("width", null, position);
        var height = TakeDouble("height", null, position);
        FinishAttributes();
        if (x is null || y is null || width is null || height is null)
        {
            Missing("'x', 'y', 'width' and 'height' attributes", "dc:Bounds", null, position, "Bounds need all four values.");
        }

        _reader.Skip();
        return new Bounds(x ?? 0, y ?? 0, width ?? 0, height ?? 0);
    }
}
