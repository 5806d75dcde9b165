using Crm.Bpm.Dmn.Evaluation;
using Crm.Bpm.Dmn.Parsing;
using Crm.Bpm.Feel.Values;

namespace Crm.Bpm.Dmn.Tck;

/// <summary>Runs DMN TCK test cases (folders of <c>*.dmn</c> with <c>*-test-*.xml</c>) and reports one result per case.</summary>
public static class TckRunner
{
    /// <summary>Runs every test file under <paramref name="root"/>; directories in results are relative to it.</summary>
    /// <param name="root">The TCK folder (e.g. the one holding <c>compliance-level-2</c> and <c>compliance-level-3</c>).</param>
    /// <param name="onResult">Called after each test case, for progress output.</param>
    public static TckRunReport Run(string root, Action<TckCaseResult>? onResult = null)
    {
        ArgumentNullException.ThrowIfNull(root);
        var results = new List<TckCaseResult>();
        var testFiles = Directory.EnumerateFiles(root, "*-test-*.xml", SearchOption.AllDirectories)
            .OrderBy(f => f, StringComparer.Ordinal)
            .GroupBy(f => Path.GetDirectoryName(f)!, StringComparer.Ordinal);
        foreach (var folder in testFiles)
        {
            var directory = Path.GetRelativePath(root, folder.Key).Replace('\\', '/');
            var models = LoadFolder(folder.Key);
            foreach (var testFilePath in folder)
            {
                var testFileName = Path.GetFileNameWithoutExtension(testFilePath);
                var (testFile, problem) = TckTestFileReader.Read(testFilePath);
                if (testFile is null)
                {
                    var failed = new TckCaseResult(directory, testFileName, "", TckOutcome.Error, problem?.Message ?? "the test file cannot be read");
                    results.Add(failed);
                    onResult?.Invoke(failed);
                    continue;
                }

                var model = PickModel(models, testFile.ModelName);
                foreach (var testCase in testFile.TestCases)
                {
                    var result = RunCase(directory, testFileName, testCase, model);
                    results.Add(result);
                    onResult?.Invoke(result);
                }
            }
        }

        return new TckRunReport(results);
    }

    /// <summary>Runs one test case against a compiled model (or the reason there is none).</summary>
    public static TckCaseResult RunCase(string directory, string testFile, TckTestCase testCase, (DmnModel? Model, string Problem) model)
    {
        ArgumentNullException.ThrowIfNull(testCase);
        if (model.Model is null)
        {
            return new TckCaseResult(directory, testFile, testCase.Id, TckOutcome.Error, model.Problem);
        }

        try
        {
            return Evaluate(directory, testFile, testCase, model.Model);
        }
#pragma warning disable CA1031 // The runner reports any failure of one case as that case's ERROR and goes on with the next.
        catch (Exception ex)
#pragma warning restore CA1031
        {
            return new TckCaseResult(directory, testFile, testCase.Id, TckOutcome.Error, $"exception: {ex.GetType().Name}: {ex.Message}");
        }
    }

    private static TckCaseResult Evaluate(string directory, string testFile, TckTestCase testCase, DmnModel model)
    {
        var inputs = new Dictionary<string, FeelValue>(StringComparer.Ordinal);
        foreach (var input in testCase.InputNodes)
        {
            inputs[input.Name] = TckValues.ToFeel(input.Value);
        }

        DmnResult? invocation = testCase.Kind switch
        {
            TckInvocableKind.DecisionService => model.EvaluateDecisionService(testCase.InvocableName ?? "", inputs),
            TckInvocableKind.BusinessKnowledgeModel => model.InvokeBusinessKnowledgeModel(testCase.InvocableName ?? "", inputs),
            _ => null,
        };

        var failures = new List<string>();
        foreach (var node in testCase.ResultNodes)
        {
            DmnResult result;
            FeelValue actual;
            if (invocation is null)
            {
                result = model.Evaluate(node.Name, inputs);
                actual = result.Value;
            }
            else
            {
                result = invocation;
                actual = invocation.Outputs.FirstOrDefault(o => o.Key == node.Name) is { Key: not null } output ? output.Value : invocation.Value;
            }

            var expected = node.Expected ?? TckNil.Instance;
            if (node.ErrorResult && actual.IsNull)
            {
                continue;
            }

            if (!TckValues.Matches(expected, actual, out var difference))
            {
                var warning = result.Warnings.Count > 0 ? result.Warnings[0] : null;
                failures.Add($"{node.Name}: {difference}" + (warning is null ? "" : $" (warning: {warning.Message})"));
            }
        }

        return failures.Count == 0
            ? new TckCaseResult(directory, testFile, testCase.Id, TckOutcome.Success, "")
            : new TckCaseResult(directory, testFile, testCase.Id, TckOutcome.Error, string.Join("; ", failures));
    }

    private static Dictionary<string, (DmnModel? Model, string Problem)> LoadFolder(string folder)
    {
        var parsed = Directory.EnumerateFiles(folder, "*.dmn")
            .OrderBy(f => f, StringComparer.Ordinal)
            .Select(f => (File: f, Result: DmnParser.ParseFile(f)))
            .ToList();
        var definitions = parsed.Where(p => p.Result.Definitions is not null).Select(p => p.Result.Definitions!).ToList();
        var models = new Dictionary<string, (DmnModel?, string)>(StringComparer.Ordinal);
        foreach (var (file, result) in parsed)
        {
            var name = Path.GetFileName(file);
            if (result.Definitions is null)
            {
                models[name] = (null, "the model cannot be read: " + string.Join("; ", result.Diagnostics.Select(d => d.ToString())));
                continue;
            }

            var compiled = DmnModel.Compile(result.Definitions, definitions.Where(d => !ReferenceEquals(d, result.Definitions)));
            models[name] = (compiled.Model, "the model does not compile: " + string.Join("; ", compiled.Diagnostics.Where(d => d.IsError).Select(d => d.ToString())));
        }

        return models;
    }

    private static (DmnModel? Model, string Problem) PickModel(Dictionary<string, (DmnModel? Model, string Problem)> models, string? modelName)
    {
        if (modelName is not null && models.TryGetValue(modelName, out var named))
        {
            return named;
        }

        return models.Count == 1 ? models.Values.Single() : (null, $"the test names model '{modelName}', which is not in the folder");
    }
}
