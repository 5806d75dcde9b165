using System.Globalization;
using System.Text;
using System.Text.Json;

namespace Crm.Bpm.Diagnostics;

/// <summary>One finding about a model file (BPMN, DMN, FEEL, form, schema) that an analyst can act on.</summary>
/// <param name="Severity">Whether it blocks deployment.</param>
/// <param name="Code">A stable identifier of the kind of finding, such as <c>BPMN012</c> or <c>FEEL001</c>.</param>
/// <param name="Message">What is wrong and what to do about it, in the analyst's terms.</param>
/// <param name="File">The file, when the finding comes from one.</param>
/// <param name="Line">The 1-based line, when known.</param>
/// <param name="Column">The 1-based column, when known.</param>
/// <param name="ElementId">The id of the model element concerned, when there is one.</param>
public sealed record Diagnostic(
    DiagnosticSeverity Severity,
    string Code,
    string Message,
    string? File = null,
    int? Line = null,
    int? Column = null,
    string? ElementId = null)
{
    /// <summary>Whether this diagnostic is an error.</summary>
    public bool IsError => Severity == DiagnosticSeverity.Error;

    /// <summary>The same diagnostic, attributed to <paramref name="file"/>.</summary>
    public Diagnostic InFile(string file) => this with { File = file };

    /// <summary>One line for a terminal: <c>file(line,col): error CODE [element]: message</c>.</summary>
    public override string ToString()
    {
        var text = new StringBuilder();
        if (File is not null)
        {
            text.Append(File);
        }

        if (Line is not null)
        {
            text.Append(CultureInfo.InvariantCulture, $"({Line},{Column ?? 1})");
        }

        if (text.Length > 0)
        {
            text.Append(": ");
        }

        text.Append(Severity switch
        {
            DiagnosticSeverity.Error => "error",
            DiagnosticSeverity.Warning => "warning",
            _ => "info",
        });
        text.Append(' ').Append(Code);
        if (ElementId is not null)
        {
            text.Append(" [").Append(ElementId).Append(']');
        }

        text.Append(": ").Append(Message);
        return text.ToString();
    }

    /// <summary>One JSON object on one line with the fields file, line, column, severity, code, elementId, message.</summary>
    public string ToJson()
    {
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer))
        {
            json.WriteStartObject();
            json.WriteString("file", File);
            if (Line is { } line)
            {
                json.WriteNumber("line", line);
            }
            else
            {
                json.WriteNull("line");
            }

            if (Column is { } column)
            {
                json.WriteNumber("column", column);
            }
            else
            {
                json.WriteNull("column");
            }

            json.WriteString("severity", Severity.ToString().ToLowerInvariant());
            json.WriteString("code", Code);
            json.WriteString("elementId", ElementId);
            json.WriteString("message", Message);
            json.WriteEndObject();
        }

        return Encoding.UTF8.GetString(buffer.ToArray());
    }
}
