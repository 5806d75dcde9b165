using Crm.Bpm.Feel.Evaluation;
using Crm.Bpm.Feel.Values;

namespace Crm.Bpm.Feel.Compilation;

/// <summary>A compiled unary test: decides an input value in a scope.</summary>
internal delegate FeelValue UnaryTestEvaluator(FeelValue input, FeelEvaluationContext context, FeelScope scope);
