namespace Crm.Bpm.Dmn.Tck;

/// <summary>One TCK test case: inputs, what to invoke, and the expected results.</summary>
public sealed record TckTestCase
{
    public required string Id { get; init; }

    public string? Description { get; init; }

    public TckInvocableKind Kind { get; init; } = TckInvocableKind.Decision;

    /// <summary>The business knowledge model or decision service to invoke, when the kind is not Decision.</summary>
    public string? InvocableName { get; init; }

    public IReadOnlyList<TckInputNode> InputNodes { get; init; } = [];

    public IReadOnlyList<TckResultNode> ResultNodes { get; init; } = [];
}
