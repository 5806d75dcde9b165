using System.Runtime.CompilerServices;
using Crm.Bpm.Feel.Evaluation;
using Crm.Bpm.Feel.Values;

namespace Crm.Bpm.Feel.Compilation;

/// <summary>A function defined in FEEL (<c>function(a, b) a + b</c>), closing over the scope it was defined in.</summary>
internal sealed class LambdaFunction(FeelParameter[] parameters, Evaluator body, FeelScope closure) : FeelFunction(null)
{
    public override IReadOnlyList<FeelParameter> Parameters => parameters;

    public override FeelValue Invoke(FeelEvaluationContext context, IReadOnlyList<FeelValue> arguments)
    {
        if (arguments.Count != parameters.Length)
        {
            context.Warn(FeelWarningCodes.InvocationFailed, $"The function takes {parameters.Length} argument(s) but was given {arguments.Count}.");
            return Null;
        }

        RuntimeHelpers.EnsureSufficientExecutionStack();
        var scope = new FeelScope(closure);
        for (var i = 0; i < parameters.Length; i++)
        {
            var value = arguments[i];
            if (parameters[i].Type is { } type)
            {
                var coerced = type.Coerce(value);
                if (coerced is null)
                {
                    context.Warn(FeelWarningCodes.InvocationFailed, $"Argument '{parameters[i].Name}' is not a {type}.");
                    return Null;
                }

                value = coerced;
            }

            scope.Set(parameters[i].Name, value);
        }

        return body(context, scope);
    }
}
