using Crm.Bpm.Dmn.Evaluation;
using Crm.Bpm.Dmn.Types;

namespace Crm.Bpm.Dmn.Tables;

/// <summary>An output column ready to evaluate: name, type, allowed values, their priority order, and default.</summary>
internal sealed record CompiledOutput(string Name, DmnType Type, CompiledUnaryTests OutputValues, Evaluator? Priorities, Evaluator? Default, string? Id);
