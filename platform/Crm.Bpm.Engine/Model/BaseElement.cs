using System.Xml.Linq;
using Crm.Bpm.Engine.Model.Zeebe;

namespace Crm.Bpm.Engine.Model;

/// <summary>Any BPMN element that can carry an id, documentation and extension elements (BPMN 2.0.2 §8.3.1 BaseElement).</summary>
/// <remarks>
/// Instances are immutable once the parser hands them out. Parts of the XML the model does not interpret are kept
/// verbatim in <see cref="ForeignAttributes"/> and <see cref="UnmodeledChildren"/> so the writer can put them back.
/// </remarks>
public abstract record BaseElement
{
    private string? _id;
    private SourcePosition _position;
    private IReadOnlyList<Documentation> _documentation = [];
    private ExtensionElements? _extensionElements;
    private IReadOnlyList<ForeignAttribute> _foreignAttributes = [];
    private IReadOnlyList<XElement> _unmodeledChildren = [];

    /// <summary>The element's <c>id</c>, or null when the file gave none.</summary>
    public string? Id { get => _id; init => _id = value; }

    /// <summary>Where the element starts in the source file.</summary>
    public SourcePosition Position { get => _position; init => _position = value; }

    public IReadOnlyList<Documentation> Documentation { get => _documentation; init => _documentation = value; }

    /// <summary>The <c>extensionElements</c> child, or null when the element has none.</summary>
    public ExtensionElements? ExtensionElements { get => _extensionElements; init => _extensionElements = value; }

    /// <summary>Attributes the model does not interpret (other vendors' and unknown ones), in source order.</summary>
    public IReadOnlyList<ForeignAttribute> ForeignAttributes { get => _foreignAttributes; init => _foreignAttributes = value; }

    /// <summary>Child elements the model does not interpret (for example <c>auditing</c> or <c>performer</c>), kept verbatim.</summary>
    public IReadOnlyList<XElement> UnmodeledChildren { get => _unmodeledChildren; init => _unmodeledChildren = value; }

    /// <summary>The XML local name of the element, such as <c>userTask</c>.</summary>
    public abstract string ElementName { get; }

    /// <summary>The first extension element of type <typeparamref name="T"/>, such as <see cref="ZeebeTaskDefinition"/>.</summary>
    public T? Extension<T>()
        where T : ExtensionElement => _extensionElements?.Find<T>();

    /// <summary>The elements this one owns directly (flow elements, lanes, event definitions, data inputs...), for walking the tree.</summary>
    public virtual IEnumerable<BaseElement> OwnedElements() => [];

    /// <summary>A short label for messages: the element name with its id.</summary>
    public string Describe() => _id is null ? ElementName : $"{ElementName} '{_id}'";

    internal void SetCommon(
        string? id,
        SourcePosition position,
        IReadOnlyList<Documentation> documentation,
        ExtensionElements? extensionElements,
        IReadOnlyList<ForeignAttribute> foreignAttributes,
        IReadOnlyList<XElement> unmodeledChildren)
    {
        // Only the parser calls this, on an element it has just created and not yet handed out.
        _id = id;
        _position = position;
        _documentation = documentation;
        _extensionElements = extensionElements;
        _foreignAttributes = foreignAttributes;
        _unmodeledChildren = unmodeledChildren;
    }
}
