namespace Crm.Bpm.Dmn.Tck;

/// <summary>A value written in a TCK test file: nil, a typed simple value, a list or a structure of components.</summary>
public abstract record TckValue;
