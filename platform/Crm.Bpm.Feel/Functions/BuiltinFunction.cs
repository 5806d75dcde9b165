using Crm.Bpm.Feel.Evaluation;
using Crm.Bpm.Feel.Values;

namespace Crm.Bpm.Feel.Functions;

/// <summary>A built-in FEEL function with one or more signatures, named with the spec's parameter names (DMN 1.5 §10.3.4).</summary>
internal sealed class BuiltinFunction(string name) : FeelFunction(name)
{
    private readonly List<Signature> _signatures = [];

    public override IReadOnlyList<FeelParameter> Parameters => _signatures[0].Parameters.Select(p => new FeelParameter(p)).ToArray();

    public void Add(Signature signature) => _signatures.Add(signature);

    public override FeelValue Invoke(FeelEvaluationContext context, IReadOnlyList<FeelValue> arguments)
    {
        foreach (var signature in _signatures)
        {
            if (arguments.Count >= signature.Required && (signature.Variadic || arguments.Count <= signature.Parameters.Length))
            {
                var values = new FeelValue[Math.Max(arguments.Count, signature.Parameters.Length)];
                Array.Fill(values, Null);
                for (var i = 0; i < arguments.Count; i++)
                {
                    values[i] = arguments[i];
                }

                return Run(context, signature, values, arguments.Count);
            }
        }

        context.Warn(FeelWarningCodes.InvocationFailed, $"{Describe()} cannot take {arguments.Count} argument(s); use {Usage()}.");
        return Null;
    }

    public override FeelValue InvokeNamed(FeelEvaluationContext context, IReadOnlyList<KeyValuePair<string, FeelValue>> arguments)
    {
        foreach (var signature in _signatures)
        {
            if (!arguments.All(a => signature.Parameters.Contains(a.Key, StringComparer.Ordinal)))
            {
                continue;
            }

            var values = new FeelValue[signature.Parameters.Length];
            Array.Fill(values, Null);
            var given = 0;
            foreach (var argument in arguments)
            {
                var at = Array.IndexOf(signature.Parameters, argument.Key);
                values[at] = argument.Value;
                given = Math.Max(given, at + 1);
            }

            if (given < signature.Required || signature.Parameters.Take(signature.Required).Any(p => !arguments.Any(a => a.Key == p)))
            {
                continue;
            }

            if (signature.Variadic && values.Length == 1 && values[0] is not FeelList)
            {
                values = [FeelList.Of(values[0])];
            }

            return Run(context, signature, values, given, named: true);
        }

        context.Warn(FeelWarningCodes.InvocationFailed, $"{Describe()} has no signature with parameters ({string.Join(", ", arguments.Select(a => a.Key))}); use {Usage()}.");
        return Null;
    }

    private FeelValue Run(FeelEvaluationContext context, Signature signature, FeelValue[] values, int given, bool named = false)
    {
        try
        {
            return signature.Body(new Call(context, Name!, values, given, named)) ?? Null;
        }
        catch (ArgumentException ex)
        {
            context.Warn(FeelWarningCodes.InvalidArgument, $"{Describe()}: {ex.Message}");
            return Null;
        }
    }

    private string Usage() => string.Join(" or ", _signatures.Select(s => $"{Name}({string.Join(", ", s.Parameters)}{(s.Variadic ? ", ..." : string.Empty)})"));
}
