using Crm.Bpm.Dmn.Types;

namespace Crm.Bpm.Dmn.Drg;

/// <summary>One DMN model file: its item definitions and DRG elements (DMN 1.5 §6.3.2 Definitions).</summary>
public sealed record DmnDefinitions : DmnElement
{
    /// <summary>The model's name.</summary>
    public required string Name { get; init; }

    /// <summary>The model's namespace, which imports refer to.</summary>
    public required string Namespace { get; init; }

    /// <summary>The DMN version the file's XML namespace declares.</summary>
    public DmnVersion Version { get; init; } = DmnVersion.Dmn15;

    /// <summary>The default expression language URI, when the file names one.</summary>
    public string? ExpressionLanguage { get; init; }

    /// <summary>The file the model was read from, when it was.</summary>
    public string? File { get; init; }

    public IReadOnlyList<DmnImport> Imports { get; init; } = [];

    public IReadOnlyList<ItemDefinition> ItemDefinitions { get; init; } = [];

    public IReadOnlyList<Decision> Decisions { get; init; } = [];

    public IReadOnlyList<InputData> InputData { get; init; } = [];

    public IReadOnlyList<BusinessKnowledgeModel> BusinessKnowledgeModels { get; init; } = [];

    public IReadOnlyList<DecisionService> DecisionServices { get; init; } = [];

    /// <summary>Every DRG element of the model in file order by kind.</summary>
    public IEnumerable<DrgElement> DrgElements =>
        Decisions.Cast<DrgElement>().Concat(InputData).Concat(BusinessKnowledgeModels).Concat(DecisionServices);
}
