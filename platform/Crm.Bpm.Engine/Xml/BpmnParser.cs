using System.Buffers;
using Crm.Bpm.Diagnostics;

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
        using var scanner = XmlScanner.FromText(xml);
        return BpmnXmlReader.Read(scanner, fileName);
    }

    /// <summary>Parses BPMN XML from a stream, honouring its byte order mark or encoding declaration (UTF-8, UTF-16, ISO-8859-1...).</summary>
    /// <param name="stream">The bytes of the file; not closed by this call.</param>
    /// <param name="fileName">The name to put in diagnostics, or null.</param>
    public static BpmnParseResult Parse(Stream stream, string? fileName = null)
    {
        ArgumentNullException.ThrowIfNull(stream);
        byte[] bytes;
        int length;
        try
        {
            (bytes, length) = ReadAll(stream);
        }
        catch (Exception e) when (e is IOException or NotSupportedException or ObjectDisposedException or UnauthorizedAccessException)
        {
            return new BpmnParseResult(null, [new Diagnostic(DiagnosticSeverity.Error, BpmnDiagnosticCodes.Unreadable, $"Cannot read the input: {e.Message} Check the file and its permissions.", fileName)]);
        }

        try
        {
            using var scanner = XmlScanner.FromBytes(bytes, length);
            return BpmnXmlReader.Read(scanner, fileName);
        }
        finally
        {
            // The model keeps copies of what it needs (strings, verbatim slices), so the pooled buffers can go back at once.
            ArrayPool<byte>.Shared.Return(bytes);
        }
    }

    private static (byte[] Bytes, int Length) ReadAll(Stream stream)
    {
        var capacity = stream.CanSeek ? (int)Math.Min(Math.Max(stream.Length - stream.Position, 0) + 1, Array.MaxLength) : 64 * 1024;
        var bytes = ArrayPool<byte>.Shared.Rent(Math.Max(capacity, 1));
        var length = 0;
        while (true)
        {
            if (length == bytes.Length)
            {
                var bigger = ArrayPool<byte>.Shared.Rent(bytes.Length * 2);
                bytes.AsSpan(0, length).CopyTo(bigger);
                ArrayPool<byte>.Shared.Return(bytes);
                bytes = bigger;
            }

            var read = stream.Read(bytes, length, bytes.Length - length);
            if (read == 0)
            {
                return (bytes, length);
            }

            length += read;
        }
    }
}
