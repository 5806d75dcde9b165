using System.Text;
using System.Xml;
using Crm.Bpm.Engine.Model;

namespace Crm.Bpm.Engine.Xml;

/// <summary>Writes a <see cref="BpmnDefinitions"/> as BPMN 2.0 XML in the layout Camunda Modeler uses, keeping the source's prefixes and every verbatim part.</summary>
/// <remarks>Parsing the output gives a model that <see cref="Comparison.BpmnComparer"/> finds equal to the input. Thread-safe.</remarks>
public static class BpmnWriter
{
    /// <summary>The XML text (UTF-8 declaration, 2-space indent).</summary>
    public static string WriteString(BpmnDefinitions definitions)
    {
        using var buffer = new MemoryStream();
        Write(definitions, buffer);
        return Encoding.UTF8.GetString(buffer.GetBuffer(), 0, (int)buffer.Length);
    }

    /// <summary>Writes UTF-8 XML to <paramref name="stream"/>, which stays open.</summary>
    public static void Write(BpmnDefinitions definitions, Stream stream)
    {
        ArgumentNullException.ThrowIfNull(definitions);
        ArgumentNullException.ThrowIfNull(stream);
        // Written by hand so that the declaration reads "UTF-8" as Camunda Modeler writes it (XmlWriter would write "utf-8").
        stream.Write("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"u8);
        var settings = new XmlWriterSettings
        {
            OmitXmlDeclaration = true,
            Encoding = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false),
            Indent = true,
            IndentChars = "  ",
            NewLineChars = "\n",
            CloseOutput = false,
            NamespaceHandling = NamespaceHandling.OmitDuplicates,
        };
        using (var writer = XmlWriter.Create(stream, settings))
        {
            new BpmnXmlWriter(writer, definitions).WriteDocument();
        }

        stream.Write("\n"u8);
    }

    /// <summary>Writes the model to the file at <paramref name="path"/>, replacing it.</summary>
    public static void WriteFile(BpmnDefinitions definitions, string path)
    {
        using var stream = new FileStream(path, FileMode.Create, FileAccess.Write, FileShare.None);
        Write(definitions, stream);
    }
}
