using System.Xml;
using Crm.Bpm.Diagnostics;
using Crm.Bpm.Engine.Model;

namespace Crm.Bpm.Engine.Xml;

/// <summary>Reads BPMN 2.0 XML (with Camunda 8 extensions and diagram interchange) into an immutable <see cref="Model.BpmnDefinitions"/>.</summary>
/// <remarks>
/// Never throws on bad input: a file that is not XML, not BPMN 2.0, truncated, or carries a DOCTYPE yields diagnostics
/// and a null model. DTDs are refused and no external resource is ever resolved. One streaming pass, linear in the input.
/// Thread-safe: every call uses its own reader.
/// </remarks>
public static class BpmnParser
{
    /// <summary>Parses the file at <paramref name="path"/>; diagnostics name that path.</summary>
    public static BpmnParseResult ParseFile(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        FileStream stream;
        try
        {
            stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 64 * 1024, FileOptions.SequentialScan);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
        {
            return new BpmnParseResult(null, [new Diagnostic(DiagnosticSeverity.Error, BpmnDiagnosticCodes.Unreadable, $"Cannot read the file: {e.Message} Check the path and its permissions.", path)]);
        }

        using (stream)
        {
            return Parse(stream, path);
        }
    }

    /// <summary>Parses BPMN XML held in a string (the encoding declaration, if any, is ignored).</summary>
    /// <param name="xml">The XML text.</param>
    /// <param name="fileName">The name to put in diagnostics, or null.</param>
    public static BpmnParseResult ParseString(string xml, string? fileName = null)
    {
        ArgumentNullException.ThrowIfNull(xml);
        using var text = new StringReader(xml);
        using var reader = XmlReader.Create(text, SecureXmlSettings.Create(), fileName);
        return BpmnXmlReader.Read(reader, fileName, marker => SourceLocator.Find(xml, marker));
    }

    /// <summary>Parses BPMN XML from a stream, honouring its encoding declaration (UTF-8, ISO-8859-1...).</summary>
    /// <param name="stream">The bytes of the file; not closed by this call.</param>
    /// <param name="fileName">The name to put in diagnostics, or null.</param>
    public static BpmnParseResult Parse(Stream stream, string? fileName = null)
    {
        ArgumentNullException.ThrowIfNull(stream);
        var start = stream.CanSeek ? stream.Position : -1;
        using var reader = XmlReader.Create(stream, SecureXmlSettings.Create(), fileName);
        return BpmnXmlReader.Read(reader, fileName, marker => start >= 0 ? SourceLocator.Find(stream, start, marker) : SourcePosition.None);
    }
}
