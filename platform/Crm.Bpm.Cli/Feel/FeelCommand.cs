using System.Text.Json;
using Crm.Bpm.Cli.Hosting;
using Crm.Bpm.Feel;
using Crm.Bpm.Feel.Evaluation;
using Crm.Bpm.Feel.Json;
using Crm.Bpm.Feel.Values;

namespace Crm.Bpm.Cli.Feel;

/// <summary><c>crm feel EXPR [--context JSON]</c>: evaluates one FEEL expression and prints the result as JSON.</summary>
/// <remarks>
/// Exit codes: 0 with the result on stdout (evaluation warnings, which explain a null result, go to stderr);
/// 1 when the expression has a syntax error (the diagnostic, with line and column, goes to stderr);
/// 64 for a usage error, such as a missing expression or a <c>--context</c> that is not a JSON object.
/// </remarks>
public sealed class FeelCommand : ICliCommand, IDeclaresOptions
{
    /// <inheritdoc />
    public IReadOnlyList<string> Path { get; } = ["feel"];

    /// <inheritdoc />
    public string Usage => "EXPR [--context JSON]";

    /// <inheritdoc />
    public string Summary => "Evaluate a FEEL expression (DMN 1.5) against a JSON context and print the result as JSON.";

    /// <inheritdoc />
    public IReadOnlyCollection<string> ValueOptions { get; } = ["context"];

    /// <inheritdoc />
    public int Run(CliArguments arguments, CliConsole console)
    {
        ArgumentNullException.ThrowIfNull(arguments);
        ArgumentNullException.ThrowIfNull(console);
        var unknown = arguments.Unknown(ValueOptions).ToList();
        if (unknown.Count > 0)
        {
            throw new CliUsageException($"unknown option --{unknown[0]}");
        }

        if (arguments.Positional.Count != 1)
        {
            throw new CliUsageException(arguments.Positional.Count == 0
                ? "give the FEEL expression to evaluate, quoted as one argument"
                : "give exactly one expression; quote it so the shell passes it as one argument");
        }

        var context = ReadContext(arguments.Get("context"));
        var expression = arguments.Positional[0];

        // Context keys are the names in scope, so keys with spaces or operators ("Loan-to-value") parse as names.
        var compiled = FeelCompiler.CompileExpression(expression, FeelCompileOptions.WithNames(context.Keys));
        if (!compiled.Succeeded)
        {
            foreach (var diagnostic in compiled.Diagnostics)
            {
                console.Error.WriteLine(diagnostic with { File = "<expression>" });
            }

            return 1;
        }

        var evaluation = new FeelEvaluationContext(FeelScope.FromContext(context));
        var result = compiled.Value!.Evaluate(evaluation);
        console.Out.WriteLine(FeelJson.ToJsonString(result));
        foreach (var warning in evaluation.Warnings)
        {
            console.Error.WriteLine(warning);
        }

        return 0;
    }

    private static FeelContext ReadContext(string? json)
    {
        if (json is null)
        {
            return FeelContext.Empty;
        }

        FeelValue value;
        try
        {
            value = FeelJson.Parse(json);
        }
        catch (JsonException ex)
        {
            var where = ex.LineNumber is { } line ? $" at line {line + 1}, position {(ex.BytePositionInLine ?? 0) + 1}" : string.Empty;
            throw new CliUsageException($"--context is not valid JSON{where}; give an object such as '{{\"amount\": 1200, \"region\": \"EU\"}}'", ex);
        }

        return value as FeelContext
            ?? throw new CliUsageException("--context must be a JSON object whose properties are the variables, such as '{\"amount\": 1200}'");
    }
}
