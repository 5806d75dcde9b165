using System.Text;
using Crm.Bpm.Engine.Model;
using Crm.Bpm.Engine.Model.Collaborations;
using Crm.Bpm.Engine.Model.Data;
using Crm.Bpm.Engine.Model.Events;
using Crm.Bpm.Engine.Model.Processes;

namespace Crm.Bpm.Engine.Validation;

/// <summary>How a finding names an element to an analyst: its kind in words and the label the modeler shows (name, else id).</summary>
internal static class ElementLabel
{
    /// <summary>For example <c>service task "Assign owner"</c>, or <c>exclusive gateway "route"</c> when it has no name.</summary>
    public static string Of(BaseElement element)
    {
        var kind = Kind(element);
        var shown = NameOf(element) ?? element.Id;
        return shown is null ? kind : $"{kind} \"{shown}\"";
    }

    /// <summary>The same label with a capital first letter, to open a sentence.</summary>
    public static string Sentence(BaseElement element) => Capitalize(Of(element));

    /// <summary>The kind with its indefinite article, for example <c>a message</c> or <c>an end event</c>.</summary>
    public static string WithArticle(BaseElement element)
    {
        var kind = Kind(element);
        return ("aeiou".Contains(kind[0], StringComparison.Ordinal) ? "an " : "a ") + kind;
    }

    /// <summary>The element's kind in words: <c>userTask</c> reads <c>user task</c>, <c>subProcess</c> reads <c>sub-process</c>.</summary>
    public static string Kind(BaseElement element) => element.ElementName switch
    {
        "subProcess" => "sub-process",
        "adHocSubProcess" => "ad-hoc sub-process",
        "participant" => "pool",
        _ => Words(element.ElementName),
    };

    public static string Capitalize(string text) => text.Length == 0 ? text : char.ToUpperInvariant(text[0]) + text[1..];

    private static string? NameOf(BaseElement element)
    {
        var name = element switch
        {
            FlowElement flow => flow.Name,
            Participant participant => participant.Name,
            Message message => message.Name,
            Process process => process.Name,
            Signal signal => signal.Name,
            Error error => error.Name,
            Escalation escalation => escalation.Name,
            DataStore store => store.Name,
            _ => null,
        };
        if (string.IsNullOrWhiteSpace(name))
        {
            return null;
        }

        // Modeler labels often hold line breaks; one line reads better in a terminal.
        return string.Join(' ', name.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
    }

    private static string Words(string camelCase)
    {
        var text = new StringBuilder(camelCase.Length + 4);
        foreach (var c in camelCase)
        {
            if (char.IsUpper(c) && text.Length > 0)
            {
                text.Append(' ');
            }

            text.Append(char.ToLowerInvariant(c));
        }

        return text.ToString();
    }
}
