using System.Diagnostics.CodeAnalysis;
using Crm.Bpm.Dmn.Drg;
using Crm.Bpm.Dmn.Types;
using Crm.Bpm.Feel;
using Crm.Bpm.Feel.Types;
using Crm.Bpm.Feel.Values;

namespace Crm.Bpm.Dmn.Evaluation;

/// <summary>Every place where DMN evaluation calls into FEEL: compiling text, building and reading values, invoking functions.</summary>
internal static class FeelInterop
{
    private static readonly Dictionary<string, FeelExpression> Builtins = new(StringComparer.Ordinal);

    /// <summary>Compiles a FEEL expression; null with <paramref name="error"/> when the text does not compile.</summary>
    public static CompiledFeel? CompileExpression(string text, NameScope names, out string? error, Func<string, FeelType?>? types = null, string? elementId = null, SourcePosition position = default)
    {
        var result = FeelCompiler.CompileExpression(text, new FeelCompileOptions { KnownNames = names.Names, TypeResolver = types });
        if (!result.Succeeded)
        {
            error = string.Join("; ", result.Diagnostics.Select(d => d.Message));
            return null;
        }

        error = null;
        var expression = result.Value!;
        return new CompiledFeel(text, frame =>
        {
            var session = frame.Session;
            var feel = session.Feel;
            var saved = feel.Scope;
            feel.Scope = frame;
            try
            {
                return expression.Evaluate(feel);
            }
            finally
            {
                feel.Scope = saved;
                session.CollectFeelWarnings(elementId, position);
            }
        });
    }

    /// <summary>Compiles FEEL unary tests; null with <paramref name="error"/> when the text does not compile.</summary>
    public static CompiledUnaryTests? CompileUnaryTests(string text, NameScope names, out string? error, Func<string, FeelType?>? types = null, string? elementId = null, SourcePosition position = default)
    {
        var result = FeelCompiler.CompileUnaryTests(text, new FeelCompileOptions { KnownNames = names.Names, TypeResolver = types });
        if (!result.Succeeded)
        {
            error = string.Join("; ", result.Diagnostics.Select(d => d.Message));
            return null;
        }

        error = null;
        var tests = result.Value!;
        if (tests.IsAny)
        {
            return CompiledUnaryTests.Any;
        }

        return new CompiledUnaryTests(text, (input, frame) =>
        {
            var session = frame.Session;
            var feel = session.Feel;
            var saved = feel.Scope;
            feel.Scope = frame;
            try
            {
                return tests.Evaluate(input, feel) switch
                {
                    FeelBoolean b => b.Value,
                    _ => null,
                };
            }
            finally
            {
                feel.Scope = saved;
                session.CollectFeelWarnings(elementId, position);
            }
        });
    }

    /// <summary>Reads a type reference written as a FEEL type (<c>list&lt;number&gt;</c>, <c>context&lt;a: string&gt;</c>).</summary>
    public static bool TryResolveTypeExpression(string text, Func<string, FeelType?>? resolver, [NotNullWhen(true)] out DmnType? type)
    {
        var parsed = FeelType.Parse(text, resolver);
        type = parsed is null ? null : new BuiltinType(text, parsed);
        return type is not null;
    }

    public static bool IsTrue(FeelValue value) => value is FeelBoolean { Value: true };

    public static bool TryBoolean(FeelValue value, out bool result)
    {
        if (value is FeelBoolean b)
        {
            result = b.Value;
            return true;
        }

        result = false;
        return false;
    }

    public static FeelValue Boolean(bool value) => FeelBoolean.Of(value);

    public static FeelValue Number(long value) => FeelNumber.Of(value);

    public static FeelValue List(IEnumerable<FeelValue> items) => new FeelList(items);

    public static bool TryList(FeelValue value, [NotNullWhen(true)] out IReadOnlyList<FeelValue>? items)
    {
        if (value is FeelList list)
        {
            items = list.Items;
            return true;
        }

        items = null;
        return false;
    }

    /// <summary>The elements a boxed iterator walks: a list's items; null for anything else (DMN 1.5 §8.3.4 iterates over lists).</summary>
    public static IReadOnlyList<FeelValue>? Iterate(FeelValue value) => value is FeelList list ? list.Items : null;

    public static FeelValue Context(IEnumerable<KeyValuePair<string, FeelValue>> entries) => FeelContext.Create(entries);

    public static bool TryContext(FeelValue value, [NotNullWhen(true)] out IReadOnlyList<KeyValuePair<string, FeelValue>>? entries)
    {
        if (value is FeelContext context)
        {
            entries = context.Entries;
            return true;
        }

        entries = null;
        return false;
    }

    public static bool TryGetEntry(FeelValue value, string name, out FeelValue entry)
    {
        if (value is FeelContext context && context.TryGetValue(name, out var found))
        {
            entry = found;
            return true;
        }

        entry = FeelValue.Null;
        return false;
    }

    public static bool IsFunction(FeelValue value) => value is FeelFunction;

    /// <summary>A FEEL function backed by DMN logic; <paramref name="body"/> receives one argument per parameter.</summary>
    public static FeelValue Function(string? name, IReadOnlyList<string> parameters, Func<IReadOnlyList<FeelValue>, FeelValue> body) =>
        FeelFunction.Create(name, parameters, (_, arguments) => body(arguments));

    public static FeelValue Invoke(FeelValue function, IReadOnlyList<FeelValue> arguments, EvaluationFrame frame, string what, string? elementId, SourcePosition position)
    {
        if (function is not FeelFunction f)
        {
            frame.Session.Warn($"{what} is not a function; the result is null.", elementId, position);
            return FeelValue.Null;
        }

        var result = f.Invoke(frame.Session.Feel, arguments);
        frame.Session.CollectFeelWarnings(elementId, position);
        return result;
    }

    public static FeelValue InvokeNamed(FeelValue function, IReadOnlyList<KeyValuePair<string, FeelValue>> arguments, EvaluationFrame frame, string what, string? elementId, SourcePosition position)
    {
        if (function is not FeelFunction f)
        {
            frame.Session.Warn($"{what} is not a function; the result is null.", elementId, position);
            return FeelValue.Null;
        }

        var feel = frame.Session.Feel;
        var saved = feel.Scope;
        feel.Scope = frame;
        try
        {
            return f.InvokeNamed(feel, arguments);
        }
        finally
        {
            feel.Scope = saved;
            frame.Session.CollectFeelWarnings(elementId, position);
        }
    }

    /// <summary>Calls a FEEL built-in function (sum, min, max...) on one argument.</summary>
    public static FeelValue CallBuiltin(string name, FeelValue argument)
    {
        FeelExpression? expression;
        lock (Builtins)
        {
            if (!Builtins.TryGetValue(name, out expression))
            {
                expression = FeelCompiler.CompileExpression(name + "(x)").Value;
                if (expression is not null)
                {
                    Builtins[name] = expression;
                }
            }
        }

        return expression?.Evaluate(new Feel.Evaluation.FeelScope().Set("x", argument)) ?? FeelValue.Null;
    }
}
