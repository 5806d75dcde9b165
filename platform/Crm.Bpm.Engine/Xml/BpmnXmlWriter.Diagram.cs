using Crm.Bpm.Engine.Model;
using Crm.Bpm.Engine.Model.Diagram;

namespace Crm.Bpm.Engine.Xml;

/// <summary>Diagram interchange: diagrams, planes, shapes, edges, labels and label styles.</summary>
internal sealed partial class BpmnXmlWriter
{
    private void DiStart(string local) => _w.WriteStartElement(null, local, BpmnNamespaces.BpmnDi);

    private void WriteDiTail(DiagramElement element)
    {
        foreach (var child in element.UnmodeledChildren)
        {
            WriteVerbatim(child);
        }

        End();
    }

    private void WriteDiagram(BpmnDiagram diagram)
    {
        DiStart("BPMNDiagram");
        Attr("id", diagram.Id);
        Attr("name", diagram.Name);
        Attr("documentation", diagram.Documentation);
        Attr("resolution", diagram.Resolution);
        WriteForeign(diagram.ForeignAttributes);
        if (diagram.Plane is { } plane)
        {
            DiStart("BPMNPlane");
            Attr("id", plane.Id);
            Attr("bpmnElement", plane.BpmnElement);
            WriteForeign(plane.ForeignAttributes);
            foreach (var element in plane.Elements)
            {
                switch (element)
                {
                    case BpmnShape shape:
                        WriteShape(shape);
                        break;
                    case BpmnEdge edge:
                        WriteEdge(edge);
                        break;
                }
            }

            WriteDiTail(plane);
        }

        foreach (var style in diagram.LabelStyles)
        {
            DiStart("BPMNLabelStyle");
            Attr("id", style.Id);
            WriteForeign(style.ForeignAttributes);
            if (style.Font is { } font)
            {
                _w.WriteStartElement(null, "Font", BpmnNamespaces.Dc);
                Attr("name", font.Name);
                Attr("size", font.Size);
                Attr("isBold", font.IsBold);
                Attr("isItalic", font.IsItalic);
                Attr("isUnderline", font.IsUnderline);
                Attr("isStrikeThrough", font.IsStrikeThrough);
                End();
            }

            WriteDiTail(style);
        }

        WriteDiTail(diagram);
    }

    private void WriteShape(BpmnShape shape)
    {
        DiStart("BPMNShape");
        Attr("id", shape.Id);
        Attr("bpmnElement", shape.BpmnElement);
        Attr("isHorizontal", shape.IsHorizontal);
        Attr("isExpanded", shape.IsExpanded);
        Attr("isMarkerVisible", shape.IsMarkerVisible);
        Attr("isMessageVisible", shape.IsMessageVisible);
        Attr("participantBandKind", shape.ParticipantBandKind);
        Attr("choreographyActivityShape", shape.ChoreographyActivityShape);
        WriteForeign(shape.ForeignAttributes);
        if (shape.Bounds is { } bounds)
        {
            WriteBounds(bounds);
        }

        WriteLabel(shape.Label);
        WriteDiTail(shape);
    }

    private void WriteEdge(BpmnEdge edge)
    {
        DiStart("BPMNEdge");
        Attr("id", edge.Id);
        Attr("bpmnElement", edge.BpmnElement);
        Attr("sourceElement", edge.SourceElement);
        Attr("targetElement", edge.TargetElement);
        Attr("messageVisibleKind", edge.MessageVisibleKind);
        WriteForeign(edge.ForeignAttributes);
        foreach (var point in edge.Waypoints)
        {
            _w.WriteStartElement(null, "waypoint", BpmnNamespaces.Di);
            _w.WriteAttributeString("x", Number(point.X));
            _w.WriteAttributeString("y", Number(point.Y));
            End();
        }

        WriteLabel(edge.Label);
        WriteDiTail(edge);
    }

    private void WriteLabel(BpmnLabel? label)
    {
        if (label is null)
        {
            return;
        }

        DiStart("BPMNLabel");
        Attr("id", label.Id);
        Attr("labelStyle", label.LabelStyle);
        WriteForeign(label.ForeignAttributes);
        if (label.Bounds is { } bounds)
        {
            WriteBounds(bounds);
        }

        WriteDiTail(label);
    }

    private void WriteBounds(Bounds bounds)
    {
        _w.WriteStartElement(null, "Bounds", BpmnNamespaces.Dc);
        _w.WriteAttributeString("x", Number(bounds.X));
        _w.WriteAttributeString("y", Number(bounds.Y));
        _w.WriteAttributeString("width", Number(bounds.Width));
        _w.WriteAttributeString("height", Number(bounds.Height));
        End();
    }
}
