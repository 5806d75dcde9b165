using Crm.Bpm.Feel.Types;

namespace Crm.Bpm.Feel.Values;

/// <summary>A formal parameter of a FEEL function: its name and, optionally, its declared type.</summary>
public sealed record FeelParameter(string Name, FeelType? Type = null);
