namespace Crm.Bpm.Engine.ProcessTests;

/// <summary>A value as written in a process test file, with the line and column where it was written.</summary>
public readonly record struct Located<T>(T Value, int Line, int Column);
