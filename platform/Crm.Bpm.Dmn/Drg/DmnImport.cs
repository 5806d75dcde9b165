namespace Crm.Bpm.Dmn.Drg;

/// <summary>An <c>import</c> of another model, whose elements are then named <c>Name.element</c> (DMN 1.5 §6.3.3).</summary>
public sealed record DmnImport : DmnElement
{
    /// <summary>The prefix that qualifies the imported model's names.</summary>
    public required string Name { get; init; }

    /// <summary>The imported model's namespace.</summary>
    public required string Namespace { get; init; }

    /// <summary>The kind of import, e.g. the DMN model namespace.</summary>
    public string? ImportType { get; init; }

    /// <summary>Where the imported file is, when the file says.</summary>
    public string? LocationUri { get; init; }
}
