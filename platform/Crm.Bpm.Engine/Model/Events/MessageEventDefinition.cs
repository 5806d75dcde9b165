namespace Crm.Bpm.Engine.Model.Events;

/// <summary>A <c>messageEventDefinition</c>: a message is caught or sent.</summary>
public sealed record MessageEventDefinition : EventDefinition
{
    public string? MessageRef { get; init; }

    public string? OperationRef { get; init; }

    public override string ElementName => "messageEventDefinition";
}
