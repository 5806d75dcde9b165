namespace Crm.Bpm.Dmn.Tck;

/// <summary>A list of values (<c>&lt;list&gt;&lt;item&gt;...</c>).</summary>
public sealed record TckList(IReadOnlyList<TckValue> Items) : TckValue;
