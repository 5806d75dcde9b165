using Crm.Bpm.Dmn.Evaluation;

namespace Crm.Bpm.Dmn.Tables;

/// <summary>A rule ready to evaluate: one unary test per input and one expression per output.</summary>
/// <param name="Number">The 1-based rule number, as tables show it.</param>
/// <param name="Id">The rule's id in the file.</param>
/// <param name="InputEntries">One test per input column.</param>
/// <param name="OutputEntries">One expression per output column.</param>
/// <param name="OutputDescriptions">How warnings name each output of this rule, built once.</param>
internal sealed record CompiledRule(int Number, string? Id, CompiledUnaryTests[] InputEntries, Evaluator[] OutputEntries, string[] OutputDescriptions);
