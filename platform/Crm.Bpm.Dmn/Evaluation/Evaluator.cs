using Crm.Bpm.Feel.Values;

namespace Crm.Bpm.Dmn.Evaluation;

/// <summary>A compiled boxed expression: computes its value in a frame; errors yield null and a warning, never an exception.</summary>
internal delegate FeelValue Evaluator(EvaluationFrame frame);
