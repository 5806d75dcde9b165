using System.Xml;
using System.Xml.Linq;
using Crm.Bpm.Diagnostics;

namespace Crm.Bpm.Dmn.Parsing;

/// <summary>Reads DMN 1.1 to 1.5 XML into an immutable model, reporting every problem as a diagnostic rather than throwing.</summary>
public static class DmnParser
{
    /// <summary>Reads the DMN file at <paramref name="path"/>.</summary>
    public static DmnParseResult ParseFile(string path)
    {
        string text;
        try
        {
            text = File.ReadAllText(path);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
        {
            return new DmnParseResult(null, [new Diagnostic(DiagnosticSeverity.Error, DmnDiagnosticCodes.NotXml, $"The file cannot be read ({ex.Message}); check the path and its permissions.", path)]);
        }

        return Parse(text, path);
    }

    /// <summary>Reads DMN XML text; <paramref name="file"/> names it in diagnostics.</summary>
    public static DmnParseResult Parse(string xml, string? file = null)
    {
        ArgumentNullException.ThrowIfNull(xml);
        var doctype = xml.IndexOf("<!DOCTYPE", StringComparison.Ordinal);
        if (doctype >= 0)
        {
            var (line, column) = LineAndColumn(xml, doctype);
            return new DmnParseResult(null, [new Diagnostic(DiagnosticSeverity.Error, DmnDiagnosticCodes.DoctypeRefused,
                "DMN files may not contain a DOCTYPE (document type declarations and entities are refused for safety); remove it.", file, line, column)]);
        }

        XDocument document;
        try
        {
            var settings = new XmlReaderSettings { DtdProcessing = DtdProcessing.Prohibit, XmlResolver = null };
            using var reader = XmlReader.Create(new StringReader(xml), settings);
            document = XDocument.Load(reader, LoadOptions.SetLineInfo);
        }
        catch (XmlException ex)
        {
            return new DmnParseResult(null, [new Diagnostic(DiagnosticSeverity.Error, DmnDiagnosticCodes.NotXml,
                $"The file is not well-formed XML: {ex.Message} Fix the XML syntax.", file, ex.LineNumber > 0 ? ex.LineNumber : null, ex.LinePosition > 0 ? ex.LinePosition : null)]);
        }

        return new DmnXmlReader(file).Read(document);
    }

    private static (int Line, int Column) LineAndColumn(string text, int index)
    {
        var line = 1;
        var lineStart = 0;
        for (var i = 0; i < index; i++)
        {
            if (text[i] == '\n')
            {
                line++;
                lineStart = i + 1;
            }
        }

        return (line, index - lineStart + 1);
    }
}
