using System.Xml;
using Crm.Bpm.Diagnostics;

namespace Crm.Bpm.Engine.Xml;

/// <summary>The streaming reader behind <see cref="BpmnParser"/>: one pass from XML nodes to model records.</summary>
internal sealed partial class BpmnXmlReader
{
    public static BpmnParseResult Read(XmlReader reader, string? fileName)
    {
        _ = reader;
        return new BpmnParseResult(null, [new Diagnostic(DiagnosticSeverity.Error, BpmnDiagnosticCodes.InternalError, "The parser is being built.", fileName)]);
    }
}
