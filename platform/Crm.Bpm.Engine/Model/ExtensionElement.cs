using System.Xml.Linq;

namespace Crm.Bpm.Engine.Model;

/// <summary>One child of an <c>extensionElements</c> block: a typed Camunda 8 element or an unknown one kept verbatim.</summary>
public abstract record ExtensionElement
{
    public SourcePosition Position { get; init; }

    /// <summary>Attributes the typed element does not know (a newer Zeebe version's, for example), kept verbatim.</summary>
    public IReadOnlyList<ForeignAttribute> OtherAttributes { get; init; } = [];

    /// <summary>Child elements the typed element does not know, kept verbatim.</summary>
    public IReadOnlyList<XElement> OtherChildren { get; init; } = [];

    /// <summary>The expanded XML name of the element.</summary>
    public abstract XName XmlName { get; }
}
