using Crm.Bpm.Dmn.Drg;

namespace Crm.Bpm.Dmn.Tables;

/// <summary>The FEEL text of one cell of a rule, with where it is in the file.</summary>
public sealed record RuleEntry(string Text, string? Id, SourcePosition Position);
