using System.Diagnostics.CodeAnalysis;
using Crm.Bpm.Feel.Values;

namespace Crm.Bpm.Feel.Functions;

/// <summary>The built-in functions of DMN 1.5 §10.3.4, by name.</summary>
internal static class BuiltinFunctions
{
    private static readonly Dictionary<string, BuiltinFunction> Functions = Build();

    /// <summary>Every built-in name, for the lexer to read names with spaces (<c>string length</c>, <c>date and time</c>).</summary>
    public static IReadOnlyCollection<string> Names => Functions.Keys;

    public static bool TryGet(string name, [MaybeNullWhen(false)] out FeelFunction function)
    {
        if (Functions.TryGetValue(name, out var builtin))
        {
            function = builtin;
            return true;
        }

        function = null;
        return false;
    }

    internal static void Add(Dictionary<string, BuiltinFunction> functions, string name, string[] parameters, Func<Call, FeelValue> body, int? required = null, bool variadic = false)
    {
        if (!functions.TryGetValue(name, out var function))
        {
            function = new BuiltinFunction(name);
            functions[name] = function;
        }

        function.Add(new Signature(parameters, required ?? parameters.Length, variadic, body));
    }

    private static Dictionary<string, BuiltinFunction> Build()
    {
        var functions = new Dictionary<string, BuiltinFunction>(StringComparer.Ordinal);
        ConversionFunctions.Register(functions);
        StringFunctions.Register(functions);
        ListFunctions.Register(functions);
        NumericFunctions.Register(functions);
        TemporalFunctions.Register(functions);
        RangeFunctions.Register(functions);
        ContextFunctions.Register(functions);
        return functions;
    }
}
