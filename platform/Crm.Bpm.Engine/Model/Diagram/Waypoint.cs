namespace Crm.Bpm.Engine.Model.Diagram;

/// <summary>A <c>di:waypoint</c>: one point of an edge's path.</summary>
public readonly record struct Waypoint(double X, double Y);
