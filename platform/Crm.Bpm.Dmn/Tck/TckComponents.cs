namespace Crm.Bpm.Dmn.Tck;

/// <summary>A structured value: named components, compared with a FEEL context by name.</summary>
public sealed record TckComponents(IReadOnlyList<KeyValuePair<string, TckValue>> Components) : TckValue;
