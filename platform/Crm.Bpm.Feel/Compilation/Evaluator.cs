using Crm.Bpm.Feel.Evaluation;
using Crm.Bpm.Feel.Values;

namespace Crm.Bpm.Feel.Compilation;

/// <summary>A compiled expression node: computes a value in a scope.</summary>
internal delegate FeelValue Evaluator(FeelEvaluationContext context, FeelScope scope);
