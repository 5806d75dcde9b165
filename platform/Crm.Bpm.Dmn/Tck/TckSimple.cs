namespace Crm.Bpm.Dmn.Tck;

/// <summary>A simple value with its XML Schema type (<c>decimal</c>, <c>string</c>, <c>boolean</c>, <c>date</c>, <c>time</c>, <c>dateTime</c>, <c>duration</c>, <c>double</c>).</summary>
/// <param name="XsdType">The local name of the <c>xsi:type</c>, or null when the file gives none.</param>
/// <param name="Text">The value's text as written.</param>
public sealed record TckSimple(string? XsdType, string Text) : TckValue;
