namespace Crm.Bpm.Dmn.Drg;

/// <summary>A set of decisions exposed as one function whose parameters are its input decisions and input data (DMN 1.5 §6.3.10).</summary>
public sealed record DecisionService : DrgElement
{
    /// <summary>The decisions whose results the service returns.</summary>
    public IReadOnlyList<DmnReference> OutputDecisions { get; init; } = [];

    /// <summary>The decisions evaluated inside the service that are not outputs.</summary>
    public IReadOnlyList<DmnReference> EncapsulatedDecisions { get; init; } = [];

    /// <summary>The decisions whose values the caller passes as parameters, in parameter order.</summary>
    public IReadOnlyList<DmnReference> InputDecisions { get; init; } = [];

    /// <summary>The input data the caller passes as parameters, after the input decisions.</summary>
    public IReadOnlyList<DmnReference> InputData { get; init; } = [];
}
