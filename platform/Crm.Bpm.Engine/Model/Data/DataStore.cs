namespace Crm.Bpm.Engine.Model.Data;

/// <summary>A <c>dataStore</c>: data that outlives process instances (BPMN 2.0.2 §10.4.1).</summary>
public sealed record DataStore : RootElement
{
    public string? Name { get; init; }

    public int? Capacity { get; init; }

    public bool IsUnlimited { get; init; } = true;

    public string? ItemSubjectRef { get; init; }

    public override string ElementName => "dataStore";
}
