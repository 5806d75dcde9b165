using System.Runtime.CompilerServices;
using Crm.Bpm.Dmn.Drg;
using Crm.Bpm.Feel.Values;

namespace Crm.Bpm.Dmn.Evaluation;

/// <summary>Turns a compiled body and typed parameters into a FEEL function value closed over a frame.</summary>
internal static class FunctionFactory
{
    public static FeelValue Create(IReadOnlyList<FunctionParameter> parameters, Evaluator body, EvaluationFrame closure, string what, string? elementId, SourcePosition position, string? name = null)
    {
        var names = parameters.Select(p => p.Name).ToList();
        return FeelInterop.Function(name, names, arguments =>
        {
            // A function that calls itself without end must fail as a FEEL error, not overflow the stack.
            RuntimeHelpers.EnsureSufficientExecutionStack();
            var inner = closure.Child();
            for (var i = 0; i < parameters.Count; i++)
            {
                var argument = i < arguments.Count ? arguments[i] : FeelValue.Null;
                var parameter = parameters[i];
                if (!argument.IsNull && !parameter.Type.IsAny)
                {
                    if (!parameter.Type.TryCoerce(argument, inner, out var coerced))
                    {
                        // DMN 1.5 §10.3.2.9.4: an argument that does not conform to its parameter type makes the invocation fail (null).
                        closure.Session.Warn($"{what}: the argument {TypeCoercion.Describe(argument)} for parameter '{parameter.Name}' does not conform to the type '{parameter.Type.Name}'; the result is null.", elementId, position);
                        return FeelValue.Null;
                    }

                    argument = coerced;
                }

                inner.Bind(parameter.Name, argument);
            }

            return body(inner);
        });
    }
}
