using System.Xml.Linq;

namespace Crm.Bpm.Engine.Model;

/// <summary>An attribute the model does not interpret (another vendor's, or an unknown one), kept verbatim so it is written back unchanged.</summary>
/// <param name="Name">The expanded name; an <c>xmlns</c> declaration has the namespace <see cref="XNamespace.Xmlns"/>.</param>
/// <param name="Value">The attribute text as it was in the file.</param>
/// <param name="Prefix">The prefix the source used, so the writer can keep it.</param>
public sealed record ForeignAttribute(XName Name, string Value, string? Prefix = null)
{
    /// <summary>Whether this is a namespace declaration rather than data.</summary>
    public bool IsNamespaceDeclaration => Name.Namespace == XNamespace.Xmlns || (Name.Namespace == XNamespace.None && Name.LocalName == "xmlns");
}
