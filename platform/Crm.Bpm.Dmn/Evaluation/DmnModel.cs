using Crm.Bpm.Diagnostics;
using Crm.Bpm.Dmn.Drg;
using Crm.Bpm.Dmn.Parsing;
using Crm.Bpm.Feel.Values;

namespace Crm.Bpm.Dmn.Evaluation;

/// <summary>A DMN model compiled once (with its imports) and evaluated many times: decisions, decision services, business knowledge models.</summary>
/// <remarks>Thread-safe: every evaluation has its own state. Errors during evaluation give null results with warnings, never exceptions.</remarks>
public sealed class DmnModel
{
    private readonly ModelCompilation _main;

    private DmnModel(ModelCompilation main)
    {
        _main = main;
    }

    /// <summary>The model as read from its file.</summary>
    public DmnDefinitions Definitions => _main.Definitions;

    /// <summary>The names of the model's decisions.</summary>
    public IReadOnlyList<string> DecisionNames => _main.Nodes.OfType<DecisionNode>().Select(n => n.Name).ToList();

    /// <summary>The names of the model's decision services.</summary>
    public IReadOnlyList<string> DecisionServiceNames => _main.Nodes.OfType<DecisionServiceNode>().Select(n => n.Name).ToList();

    /// <summary>The names of the model's business knowledge models.</summary>
    public IReadOnlyList<string> BusinessKnowledgeModelNames => _main.Nodes.OfType<BusinessKnowledgeModelNode>().Select(n => n.Name).ToList();

    /// <summary>Reads and compiles the DMN file at <paramref name="path"/>; imports are looked for among the other <c>.dmn</c> files of its folder.</summary>
    public static DmnModelLoadResult Load(string path)
    {
        var parsed = DmnParser.ParseFile(path);
        if (parsed.Definitions is null)
        {
            return new DmnModelLoadResult(null, parsed.Diagnostics);
        }

        var others = new List<DmnDefinitions>();
        var diagnostics = new List<Diagnostic>(parsed.Diagnostics);
        if (parsed.Definitions.Imports.Count > 0)
        {
            var folder = Path.GetDirectoryName(Path.GetFullPath(path)) ?? ".";
            foreach (var file in Directory.EnumerateFiles(folder, "*.dmn"))
            {
                if (!string.Equals(Path.GetFullPath(file), Path.GetFullPath(path), StringComparison.Ordinal))
                {
                    var other = DmnParser.ParseFile(file);
                    if (other.Definitions is not null)
                    {
                        others.Add(other.Definitions);
                    }
                }
            }
        }

        var compiled = Compile(parsed.Definitions, others);
        diagnostics.AddRange(compiled.Diagnostics);
        return new DmnModelLoadResult(compiled.Model, diagnostics);
    }

    /// <summary>Compiles a parsed model; <paramref name="importable"/> holds the models its imports may name (matched by namespace).</summary>
    public static DmnModelLoadResult Compile(DmnDefinitions definitions, IEnumerable<DmnDefinitions>? importable = null)
    {
        ArgumentNullException.ThrowIfNull(definitions);
        var diagnostics = new List<Diagnostic>();
        var candidates = (importable ?? []).ToList();
        var compiled = new Dictionary<string, ModelCompilation>(StringComparer.Ordinal);
        var inProgress = new HashSet<string>(StringComparer.Ordinal);

        ModelCompilation? ResolveImport(DmnImport import)
        {
            if (compiled.TryGetValue(import.Namespace, out var done))
            {
                return done;
            }

            var target = candidates.FirstOrDefault(c => c.Namespace == import.Namespace);
            if (target is null || !inProgress.Add(import.Namespace))
            {
                return null;
            }

            var compilation = new ModelCompilation(target, diagnostics, ResolveImport);
            compiled[import.Namespace] = compilation;
            compilation.Compile();
            return compilation;
        }

        var main = new ModelCompilation(definitions, diagnostics, ResolveImport);
        main.Compile();
        return new DmnModelLoadResult(new DmnModel(main), diagnostics);
    }

    /// <summary>Evaluates the decision named <paramref name="decisionName"/> and everything it requires.</summary>
    /// <param name="decisionName">The decision's name (or <c>prefix.name</c> for a decision of an imported model).</param>
    /// <param name="inputs">Values by input data name (a decision without logic may also be given a value by its name).</param>
    /// <param name="clock">The clock for <c>now()</c> and <c>today()</c>; the system clock when null.</param>
    public DmnResult Evaluate(string decisionName, IReadOnlyDictionary<string, FeelValue>? inputs = null, TimeProvider? clock = null)
    {
        var (session, warnings) = Session(inputs, clock);
        if (Find(decisionName) is not DecisionNode decision)
        {
            session.Warn($"The model has no decision named '{decisionName}'. Its decisions are: {string.Join(", ", DecisionNames.Select(n => $"'{n}'"))}.", null);
            return new DmnResult(FeelValue.Null, warnings);
        }

        var value = Guard(session, () => DrgEvaluator.ValueOf(decision, session));
        return new DmnResult(value, warnings);
    }

    /// <summary>Invokes a decision service; <paramref name="inputs"/> gives its input decisions and input data by name.</summary>
    /// <returns>The service's value (its only output, or a context of all outputs), with each output in <see cref="DmnResult.Outputs"/>.</returns>
    public DmnResult EvaluateDecisionService(string serviceName, IReadOnlyDictionary<string, FeelValue>? inputs = null, TimeProvider? clock = null)
    {
        var (session, warnings) = Session(inputs, clock);
        if (Find(serviceName) is not DecisionServiceNode service)
        {
            session.Warn($"The model has no decision service named '{serviceName}'. Its decision services are: {string.Join(", ", DecisionServiceNames.Select(n => $"'{n}'"))}.", null);
            return new DmnResult(FeelValue.Null, warnings);
        }

        var arguments = service.Parameters.Select(p => session.Inputs.TryGetValue(p.Name, out var v) ? v : FeelValue.Null).ToList();
        IReadOnlyList<KeyValuePair<string, FeelValue>>? outputs = null;
        var value = Guard(session, () =>
        {
            outputs = DrgEvaluator.InvokeService(service, arguments, session);
            return DrgEvaluator.ServiceResult(service, outputs, session);
        });
        if (outputs is null || (value.IsNull && outputs.Any(o => !o.Value.IsNull)))
        {
            // A failed call or a result that does not conform to the service's type leaves every output null.
            outputs = service.Outputs.Select(o => new KeyValuePair<string, FeelValue>(o.Name, FeelValue.Null)).ToList();
        }

        return new DmnResult(value, warnings) { Outputs = outputs };
    }

    /// <summary>Invokes a business knowledge model with arguments given by parameter name.</summary>
    public DmnResult InvokeBusinessKnowledgeModel(string name, IReadOnlyDictionary<string, FeelValue>? arguments = null, TimeProvider? clock = null)
    {
        var (session, warnings) = Session(arguments, clock);
        if (Find(name) is not BusinessKnowledgeModelNode bkm)
        {
            session.Warn($"The model has no business knowledge model named '{name}'. Its business knowledge models are: {string.Join(", ", BusinessKnowledgeModelNames.Select(n => $"'{n}'"))}.", null);
            return new DmnResult(FeelValue.Null, warnings);
        }

        var values = bkm.Parameters.Select(p => session.Inputs.TryGetValue(p.Name, out var v) ? v : FeelValue.Null).ToList();
        return new DmnResult(Guard(session, () => DrgEvaluator.InvokeKnowledgeModel(bkm, values, session)), warnings);
    }

    /// <summary>Runs an evaluation so that nothing escapes to the caller: DMN errors are null results with a warning.</summary>
    private static FeelValue Guard(EvaluationSession session, Func<FeelValue> evaluate)
    {
        try
        {
            return evaluate();
        }
        catch (InsufficientExecutionStackException)
        {
            session.Warn("The evaluation nests or recurses too deeply (a knowledge model or function that calls itself without end?); the result is null.", null);
            return FeelValue.Null;
        }
#pragma warning disable CA1031 // The contract is a null result plus a warning, never an exception; this is the last line of defence.
        catch (Exception ex) when (ex is not OutOfMemoryException)
#pragma warning restore CA1031
        {
            session.Warn($"The evaluation failed ({ex.GetType().Name}: {ex.Message}); the result is null.", null);
            return FeelValue.Null;
        }
    }

    private (EvaluationSession Session, List<Diagnostic> Warnings) Session(IReadOnlyDictionary<string, FeelValue>? inputs, TimeProvider? clock)
    {
        var warnings = new List<Diagnostic>();
        var session = new EvaluationSession(inputs ?? new Dictionary<string, FeelValue>(StringComparer.Ordinal), warnings, Definitions.File, clock ?? TimeProvider.System);
        return (session, warnings);
    }

    private DrgNode? Find(string name)
    {
        if (_main.ByName.TryGetValue(name, out var node))
        {
            return node;
        }

        var dot = name.IndexOf('.', StringComparison.Ordinal);
        if (dot > 0)
        {
            var prefix = name[..dot];
            var rest = name[(dot + 1)..];
            foreach (var candidate in _main.Nodes.SelectMany(n => n is DecisionNode d ? d.Information.Concat(d.Knowledge) : []))
            {
                if (candidate.Name == rest && _main.PrefixOf(candidate.Owner) == prefix)
                {
                    return candidate;
                }
            }
        }

        return null;
    }
}
