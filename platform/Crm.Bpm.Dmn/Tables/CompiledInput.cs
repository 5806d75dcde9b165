using Crm.Bpm.Dmn.Evaluation;

namespace Crm.Bpm.Dmn.Tables;

/// <summary>An input column ready to evaluate: its expression and the input values it allows.</summary>
internal sealed record CompiledInput(Evaluator Expression, CompiledUnaryTests InputValues, string Text, string? Id);
