namespace Crm.Bpm.Engine.Model.Diagram;

/// <summary>A <c>dc:Bounds</c> rectangle in diagram coordinates.</summary>
public readonly record struct Bounds(double X, double Y, double Width, double Height);
