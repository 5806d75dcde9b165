using System.Xml.Linq;

namespace Crm.Bpm.Engine.Model;

/// <summary>An extension element this engine does not interpret (another vendor's), kept verbatim and written back unchanged.</summary>
/// <remarks>The parser keeps the element's source text and builds <see cref="Element"/> on first use; <see cref="XmlName"/> needs no parsing.</remarks>
public sealed record UnknownExtensionElement : ExtensionElement
{
    private readonly VerbatimElement _verbatim;

    public UnknownExtensionElement(XElement element)
    {
        ArgumentNullException.ThrowIfNull(element);
        _verbatim = new VerbatimElement(element);
    }

    internal UnknownExtensionElement(VerbatimElement verbatim) => _verbatim = verbatim;

    /// <summary>The element as it stood in the file.</summary>
    public XElement Element { get => _verbatim.Element; init => _verbatim = new VerbatimElement(value); }

    public override XName XmlName => _verbatim.Name;
}
