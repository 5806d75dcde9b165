namespace Crm.Bpm.Engine.Model.Data;

/// <summary>An <c>itemDefinition</c>: the type of data that data objects, messages and inputs carry (BPMN 2.0.2 §8.4.9).</summary>
public sealed record ItemDefinition : RootElement
{
    public ItemKind ItemKind { get; init; } = ItemKind.Information;

    public string? StructureRef { get; init; }

    public bool IsCollection { get; init; }

    public override string ElementName => "itemDefinition";
}
