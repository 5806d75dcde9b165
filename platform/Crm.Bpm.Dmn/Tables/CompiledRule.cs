using Crm.Bpm.Dmn.Evaluation;

namespace Crm.Bpm.Dmn.Tables;

/// <summary>A rule ready to evaluate: one unary test per input and one expression per output.</summary>
internal sealed record CompiledRule(int Number, string? Id, CompiledUnaryTests[] InputEntries, Evaluator[] OutputEntries);
