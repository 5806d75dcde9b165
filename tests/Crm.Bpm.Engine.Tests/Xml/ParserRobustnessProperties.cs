using System.Xml.Linq;
using Crm.Bpm.Engine.Xml;
using FsCheck;
using FsCheck.Xunit;

namespace Crm.Bpm.Engine.Tests.Xml;

/// <summary>Mutated MIWG files (truncated, elements deleted, attribute values swapped, characters corrupted) give a model or diagnostics, never an exception.</summary>
public sealed class ParserRobustnessProperties
{
    private static readonly string[] Texts = BpmnTestFiles.MiwgNames.Select(n => File.ReadAllText(BpmnTestFiles.Miwg(n))).ToArray();

    private static readonly XDocument[] Documents = Texts.Select(t => XDocument.Parse(t)).ToArray();

    /// <summary>The outcome every input must have: a model or an error diagnostic, no internal fault, and a model that writes and reads back.</summary>
    private static bool ParsesGracefully(string xml)
    {
        BpmnParseResult result;
        try
        {
            result = BpmnParser.ParseString(xml, "mutated.bpmn");
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            throw new InvalidOperationException($"The parser threw on mutated input: {e}");
        }

        if (result.Diagnostics.Any(d => d.Code == BpmnDiagnosticCodes.InternalError))
        {
            throw new InvalidOperationException("The parser reported an internal fault: " + string.Join("; ", result.Diagnostics));
        }

        if (result.Definitions is null)
        {
            return result.HasErrors;
        }

        var again = BpmnParser.ParseString(BpmnWriter.WriteString(result.Definitions), "rewritten.bpmn");
        return again.Definitions is not null;
    }

    [Property(MaxTest = 300)]
    public bool TruncatedFile_GivesDiagnosticsNotAnException(NonNegativeInt file, NonNegativeInt cut)
    {
        var text = Texts[file.Get % Texts.Length];
        var truncated = text[..(cut.Get % text.Length)];

        return ParsesGracefully(truncated);
    }

    [Property(MaxTest = 300)]
    public bool DeletingAnyElement_GivesAModelOrDiagnostics(NonNegativeInt file, NonNegativeInt pick)
    {
        var document = new XDocument(Documents[file.Get % Documents.Length]);
        var elements = document.Root!.Descendants().ToList();
        elements[pick.Get % elements.Count].Remove();

        return ParsesGracefully(document.ToString());
    }

    [Property(MaxTest = 300)]
    public bool SwappingAttributeValues_GivesAModelOrDiagnostics(NonNegativeInt file, NonNegativeInt first, NonNegativeInt second)
    {
        var document = new XDocument(Documents[file.Get % Documents.Length]);
        var attributes = document.Root!.DescendantsAndSelf().SelectMany(e => e.Attributes()).Where(a => !a.IsNamespaceDeclaration).ToList();
        var a = attributes[first.Get % attributes.Count];
        var b = attributes[second.Get % attributes.Count];
        (a.Value, b.Value) = (b.Value, a.Value);

        return ParsesGracefully(document.ToString());
    }

    [Property(MaxTest = 300)]
    public bool CorruptingOneCharacter_GivesAModelOrDiagnostics(NonNegativeInt file, NonNegativeInt offset, NonNegativeInt replacement)
    {
        const string Replacements = "<>&\"'=/:x ";
        var text = Texts[file.Get % Texts.Length];
        var index = offset.Get % text.Length;
        var corrupted = string.Concat(text.AsSpan(0, index), Replacements.AsSpan(replacement.Get % Replacements.Length, 1), text.AsSpan(index + 1));

        return ParsesGracefully(corrupted);
    }
}
