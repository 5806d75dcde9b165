namespace Crm.Bpm.Dmn.Drg;

/// <summary>Anything in a DMN file that carries an id and a place in the file (DMN 1.5 §6.3.2 DMNElement).</summary>
public abstract record DmnElement
{
    /// <summary>The element's <c>id</c> attribute, when it has one.</summary>
    public string? Id { get; init; }

    /// <summary>The element's <c>label</c> attribute, shown instead of the name in diagrams.</summary>
    public string? Label { get; init; }

    /// <summary>Where the element starts in its file.</summary>
    public SourcePosition Position { get; init; }
}
