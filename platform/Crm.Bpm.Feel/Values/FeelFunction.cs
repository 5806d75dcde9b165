using Crm.Bpm.Feel.Evaluation;

namespace Crm.Bpm.Feel.Values;

/// <summary>A FEEL function value: a built-in, a <c>function(...)</c> definition, or a host delegate (a DMN business knowledge model or decision service).</summary>
/// <remarks>
/// Invocation never throws to FEEL code: a failure is reported as a warning on the evaluation context and the result
/// is null (DMN 1.5 §10.3.2.13: errors are null).
/// </remarks>
public abstract class FeelFunction : FeelValue
{
    private protected FeelFunction(string? name)
    {
        Name = name;
    }

    /// <summary>The function's name when it has one (built-ins, BKMs); null for an anonymous definition.</summary>
    public string? Name { get; }

    /// <summary>The formal parameters, by which named arguments are matched.</summary>
    public abstract IReadOnlyList<FeelParameter> Parameters { get; }

    /// <inheritdoc />
    public override FeelValueKind Kind => FeelValueKind.Function;

    /// <summary>A function backed by a .NET delegate with the given named parameters.</summary>
    /// <remarks>The delegate receives exactly one argument per parameter, in order (missing named arguments are null).</remarks>
    public static FeelFunction Create(string? name, IReadOnlyList<string> parameterNames, Func<FeelEvaluationContext, IReadOnlyList<FeelValue>, FeelValue> body)
    {
        ArgumentNullException.ThrowIfNull(parameterNames);
        return new DelegateFunction(name, parameterNames.Select(p => new FeelParameter(p)).ToArray(), body);
    }

    /// <summary>A function backed by a .NET delegate with typed parameters (arguments are checked and coerced against the types).</summary>
    public static FeelFunction Create(string? name, IReadOnlyList<FeelParameter> parameters, Func<FeelEvaluationContext, IReadOnlyList<FeelValue>, FeelValue> body)
    {
        ArgumentNullException.ThrowIfNull(parameters);
        return new DelegateFunction(name, parameters.ToArray(), body);
    }

    /// <summary>Calls the function with positional arguments; null (plus a warning) when they do not fit.</summary>
    public abstract FeelValue Invoke(FeelEvaluationContext context, IReadOnlyList<FeelValue> arguments);

    /// <summary>Calls the function with named arguments; parameters not named are null.</summary>
    public virtual FeelValue InvokeNamed(FeelEvaluationContext context, IReadOnlyList<KeyValuePair<string, FeelValue>> arguments)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(arguments);
        var parameters = Parameters;
        var values = new FeelValue[parameters.Count];
        Array.Fill(values, Null);
        foreach (var argument in arguments)
        {
            var at = -1;
            for (var i = 0; i < parameters.Count; i++)
            {
                if (parameters[i].Name == argument.Key)
                {
                    at = i;
                    break;
                }
            }

            if (at < 0)
            {
                context.Warn(FeelWarningCodes.InvocationFailed, $"{Describe()} has no parameter named '{argument.Key}'.");
                return Null;
            }

            values[at] = argument.Value;
        }

        return Invoke(context, values);
    }

    /// <summary>How messages name this function.</summary>
    protected string Describe() => Name is null ? "the function" : $"function '{Name}'";

    /// <inheritdoc />
    public override string ToFeelString() => $"function {Name ?? string.Empty}({string.Join(", ", Parameters.Select(p => p.Name))})";

    /// <inheritdoc />
    public override bool Equals(FeelValue? other) => ReferenceEquals(this, other);

    /// <inheritdoc />
    public override int GetHashCode() => System.Runtime.CompilerServices.RuntimeHelpers.GetHashCode(this);

    private sealed class DelegateFunction(string? name, FeelParameter[] parameters, Func<FeelEvaluationContext, IReadOnlyList<FeelValue>, FeelValue> body)
        : FeelFunction(name)
    {
        public override IReadOnlyList<FeelParameter> Parameters => parameters;

        public override FeelValue Invoke(FeelEvaluationContext context, IReadOnlyList<FeelValue> arguments)
        {
            ArgumentNullException.ThrowIfNull(context);
            ArgumentNullException.ThrowIfNull(arguments);
            if (arguments.Count != parameters.Length)
            {
                context.Warn(FeelWarningCodes.InvocationFailed, $"{Describe()} takes {parameters.Length} argument(s) but was given {arguments.Count}.");
                return Null;
            }

            var values = new FeelValue[arguments.Count];
            for (var i = 0; i < values.Length; i++)
            {
                var parameter = parameters[i];
                var value = arguments[i];
                if (parameter.Type is { } type)
                {
                    var coerced = type.Coerce(value);
                    if (coerced is null)
                    {
                        context.Warn(FeelWarningCodes.InvocationFailed, $"{Describe()}: argument '{parameter.Name}' is not a {type}.");
                        return Null;
                    }

                    value = coerced;
                }

                values[i] = value;
            }

            try
            {
                return body(context, values) ?? Null;
            }
#pragma warning disable CA1031 // A host function's failure is a FEEL error (null plus a warning), never an exception to the caller.
            catch (Exception ex)
#pragma warning restore CA1031
            {
                context.Warn(FeelWarningCodes.InvocationFailed, $"{Describe()} failed: {ex.Message}");
                return Null;
            }
        }
    }
}
