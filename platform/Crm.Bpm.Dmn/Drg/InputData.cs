namespace Crm.Bpm.Dmn.Drg;

/// <summary>A value the caller supplies when evaluating decisions (DMN 1.5 §6.3.11).</summary>
public sealed record InputData : DrgElement;
