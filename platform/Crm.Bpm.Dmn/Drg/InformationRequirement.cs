namespace Crm.Bpm.Dmn.Drg;

/// <summary>A decision's need for the value of another decision or of input data (DMN 1.5 §6.3.14).</summary>
public sealed record InformationRequirement(InformationRequirementKind Kind, DmnReference Reference);
