using Crm.Bpm.Dmn.Types;

namespace Crm.Bpm.Dmn.Evaluation;

/// <summary>A parameter of a function the model defines, with the type its arguments must conform to.</summary>
internal sealed record FunctionParameter(string Name, DmnType Type);
