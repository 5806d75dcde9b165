using System.Text.Json;
using Crm.Bpm.Cli.Hosting;
using Crm.Bpm.Dmn.Evaluation;
using Crm.Bpm.Engine.DmnDecisions;
using Crm.Bpm.Engine.Runtime.Expressions;
using Crm.Bpm.Feel.Json;
using Crm.Bpm.Feel.Values;

namespace Crm.Bpm.Cli.Dmn;

/// <summary><c>crm dmn eval FILE --decision NAME [--input JSON]</c>: evaluates one decision of a DMN file and prints its result as JSON.</summary>
/// <remarks>
/// Exit codes: 0 the decision was evaluated (warnings, if any, go to standard error), 1 the file has errors or has no
/// decision of that name, 64 a malformed command line (including input that is not a JSON object).
/// String inputs for input data typed as dates, times or durations are read as such (JSON has no date type).
/// </remarks>
public sealed class DmnEvalCommand : ICliCommand, IDeclaresOptions
{
    public IReadOnlyList<string> Path { get; } = ["dmn", "eval"];

    public string Usage => "FILE --decision NAME [--input JSON]";

    public string Summary => "Evaluate a decision of a DMN file with JSON inputs and print the result as JSON.";

    public IReadOnlyCollection<string> ValueOptions { get; } = ["decision", "input"];

    public int Run(CliArguments arguments, CliConsole console)
    {
        ArgumentNullException.ThrowIfNull(arguments);
        ArgumentNullException.ThrowIfNull(console);
        var unknown = arguments.Unknown(["decision", "input"]).ToList();
        if (unknown.Count > 0)
        {
            throw new CliUsageException($"unknown option --{unknown[0]}");
        }

        if (arguments.Positional.Count != 1)
        {
            throw new CliUsageException("give exactly one DMN file");
        }

        var decision = arguments.Require("decision");
        var inputs = ReadInputs(arguments.Get("input"));

        var file = arguments.Positional[0];
        var loaded = DmnModel.Load(file);
        foreach (var diagnostic in loaded.Diagnostics)
        {
            console.Error.WriteLine(diagnostic.ToString());
        }

        if (loaded.Model is null || loaded.HasErrors)
        {
            console.Error.WriteLine($"crm dmn eval: {file} has errors; fix them and run again.");
            return 1;
        }

        var model = loaded.Model;
        // Camunda 8's zeebe:calledDecision names a decision by id; the DMN spec's own tools name it by name: accept both.
        var named = model.Definitions.Decisions.FirstOrDefault(d => d.Name == decision)
            ?? model.Definitions.Decisions.FirstOrDefault(d => d.Id == decision);
        if (named is null)
        {
            console.Error.WriteLine($"crm dmn eval: {file} has no decision named '{decision}'. Available decisions: {string.Join(", ", model.Definitions.Decisions.Select(d => $"'{d.Name}' (id {d.Id})"))}.");
            return 1;
        }

        var drgNames = model.Definitions.DrgElements.Select(e => e.Name).ToHashSet(StringComparer.Ordinal);
        if (named.Id is { Length: > 0 } id && inputs.Keys.Any(k => !drgNames.Contains(k)))
        {
            // Inputs the model does not declare: evaluate as a business rule task would, every input visible by name.
            return EvaluateAsCamunda(file, id, inputs, console);
        }

        var result = model.Evaluate(named.Name, ConvertTemporalInputs(model, inputs));
        foreach (var warning in result.Warnings)
        {
            console.Error.WriteLine(warning.ToString());
        }

        console.Out.WriteLine(FeelJson.ToJsonString(result.Value, indented: true));
        return 0;
    }

    private static int EvaluateAsCamunda(string file, string decisionId, Dictionary<string, FeelValue> inputs, CliConsole console)
    {
        var evaluator = new DmnDecisionEvaluator();
        foreach (var diagnostic in evaluator.DeployFile(file).Where(d => d.IsError))
        {
            console.Error.WriteLine(diagnostic.ToString());
            return 1;
        }

        var variables = new Dictionary<string, JsonElement>(StringComparer.Ordinal);
        foreach (var (name, value) in inputs)
        {
            using var document = JsonDocument.Parse(FeelJson.ToJsonString(value));
            variables[name] = document.RootElement.Clone();
        }

        var result = evaluator.Evaluate(decisionId, new JsonInputs(variables));
        if (!result.Succeeded)
        {
            console.Error.WriteLine($"crm dmn eval: {result.Error}");
            return 1;
        }

        console.Out.WriteLine(JsonSerializer.Serialize(result.Value, IndentedJson));
        return 0;
    }

    private static readonly JsonSerializerOptions IndentedJson = new() { WriteIndented = true };

    /// <summary>The --input object as the variables a business rule task would see.</summary>
    private sealed class JsonInputs(Dictionary<string, JsonElement> variables) : IVariableLookup
    {
        public bool TryGetVariable(string name, out JsonElement value) => variables.TryGetValue(name, out value);

        public IEnumerable<KeyValuePair<string, JsonElement>> VisibleVariables() => variables;
    }

    private static Dictionary<string, FeelValue> ReadInputs(string? json)
    {
        var inputs = new Dictionary<string, FeelValue>(StringComparer.Ordinal);
        if (string.IsNullOrWhiteSpace(json))
        {
            return inputs;
        }

        FeelValue parsed;
        try
        {
            parsed = FeelJson.Parse(json);
        }
        catch (JsonException ex)
        {
            throw new CliUsageException($"--input is not valid JSON: {ex.Message}", ex);
        }

        if (parsed is not FeelContext context)
        {
            throw new CliUsageException("--input must be a JSON object whose properties are the input data names, e.g. '{\"Age\": 42}'");
        }

        foreach (var (name, value) in context.Entries)
        {
            inputs[name] = value;
        }

        return inputs;
    }

    /// <summary>JSON has no dates: a string given for input data typed as a date, time or duration is read as one.</summary>
    private static Dictionary<string, FeelValue> ConvertTemporalInputs(DmnModel model, Dictionary<string, FeelValue> inputs)
    {
        foreach (var input in model.Definitions.InputData)
        {
            if (inputs.TryGetValue(input.Name, out var value) && value is FeelString text)
            {
                FeelValue? converted = input.TypeRef switch
                {
                    "date" => FeelDate.TryParse(text.Value),
                    "time" => FeelTime.TryParse(text.Value),
                    "date and time" or "dateTime" => FeelDateTime.TryParse(text.Value),
                    "days and time duration" or "dayTimeDuration" => FeelDaysTimeDuration.TryParse(text.Value),
                    "years and months duration" or "yearMonthDuration" => FeelYearsMonthsDuration.TryParse(text.Value),
                    "duration" => (FeelValue?)FeelYearsMonthsDuration.TryParse(text.Value) ?? FeelDaysTimeDuration.TryParse(text.Value),
                    _ => null,
                };
                if (converted is not null)
                {
                    inputs[input.Name] = converted;
                }
            }
        }

        return inputs;
    }
}
