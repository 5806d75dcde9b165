namespace Crm.Bpm.Dmn.Tck;

/// <summary>A value given to the model under a name (input data, a decision's value, or a parameter).</summary>
public sealed record TckInputNode(string Name, TckValue Value);
