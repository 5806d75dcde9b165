namespace Crm.Bpm.Engine.Model.Events;

/// <summary>An <c>errorEventDefinition</c>: a business error is thrown or caught.</summary>
public sealed record ErrorEventDefinition : EventDefinition
{
    public string? ErrorRef { get; init; }

    public override string ElementName => "errorEventDefinition";
}
