namespace Crm.Bpm.Engine.Model;

/// <summary>The <c>extensionElements</c> block of an element: typed Zeebe parts and verbatim unknown parts, in source order.</summary>
public sealed record ExtensionElements
{
    public SourcePosition Position { get; init; }

    public IReadOnlyList<ExtensionElement> Items { get; init; } = [];

    /// <summary>The first item of type <typeparamref name="T"/>, or null.</summary>
    public T? Find<T>()
        where T : ExtensionElement
    {
        foreach (var item in Items)
        {
            if (item is T found)
            {
                return found;
            }
        }

        return null;
    }

    /// <summary>The items this engine does not interpret.</summary>
    public IEnumerable<UnknownExtensionElement> Unknown => Items.OfType<UnknownExtensionElement>();
}
