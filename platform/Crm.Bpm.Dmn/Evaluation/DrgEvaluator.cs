using System.Runtime.CompilerServices;
using Crm.Bpm.Feel.Values;

namespace Crm.Bpm.Dmn.Evaluation;

/// <summary>Evaluates DRG nodes on demand within a session: decisions once each, knowledge models and services as FEEL functions (DMN 1.5 §6.3).</summary>
internal static class DrgEvaluator
{
    public static FeelValue ValueOf(DrgNode node, EvaluationSession session)
    {
        if (session.Overrides is { } overrides && overrides.TryGetValue(node, out var forced))
        {
            return forced;
        }

        if (session.TryGetResult(node, out var known))
        {
            return known;
        }

        if (node is InputDataNode input)
        {
            // Input data are only looked up and checked, so they are not worth a cache entry.
            return InputValue(input, session);
        }

        var value = node switch
        {
            DecisionNode decision => EvaluateDecision(decision, session),
            BusinessKnowledgeModelNode bkm => KnowledgeModelFunction(bkm, session),
            DecisionServiceNode service => ServiceFunction(service, session),
            _ => FeelValue.Null,
        };
        session.SetResult(node, value);
        return value;
    }

    /// <summary>Calls a decision service with positional arguments and returns each output decision's value, or null when an argument does not fit.</summary>
    public static IReadOnlyList<KeyValuePair<string, FeelValue>>? InvokeService(DecisionServiceNode service, IReadOnlyList<FeelValue> arguments, EvaluationSession session)
    {
        var overrides = new Dictionary<object, FeelValue>(ReferenceEqualityComparer.Instance);
        var frame = new EvaluationFrame(session);
        for (var i = 0; i < service.Parameters.Count; i++)
        {
            var parameter = service.Parameters[i];
            var argument = i < arguments.Count ? arguments[i] : FeelValue.Null;
            if (!parameter.Type.TryCoerce(argument, frame, out var coerced))
            {
                // As for any function (DMN 1.5 §10.3.2.9.4), an argument that does not conform to its parameter's type makes the call fail.
                session.Warn($"The decision service '{service.Name}': the argument {TypeCoercion.Describe(argument)} for '{parameter.Name}' does not conform to the type '{parameter.Type.Name}'; the result is null.", service.Id, service.Element.Position);
                return null;
            }

            overrides[parameter] = coerced;
        }

        var inner = session.Nested(overrides);
        return service.Outputs.Select(o => new KeyValuePair<string, FeelValue>(o.Name, ValueOf(o, inner))).ToList();
    }

    /// <summary>The value a decision service call gives FEEL: the only output's value, or a context of all outputs; null when the call failed or the value does not conform to the service's type.</summary>
    public static FeelValue ServiceResult(DecisionServiceNode service, IReadOnlyList<KeyValuePair<string, FeelValue>>? outputs, EvaluationSession session)
    {
        if (outputs is null)
        {
            return FeelValue.Null;
        }

        var value = outputs.Count == 1 ? outputs[0].Value : FeelInterop.Context(outputs);
        return TypeCoercion.Apply(value, service.ResultType, new EvaluationFrame(session), "The decision service", service.Name, service.Id, service.Element.Position);
    }

    /// <summary>Calls a business knowledge model directly with positional arguments.</summary>
    public static FeelValue InvokeKnowledgeModel(BusinessKnowledgeModelNode bkm, IReadOnlyList<FeelValue> arguments, EvaluationSession session)
    {
        var function = ValueOf(bkm, session);
        return FeelInterop.Invoke(function, arguments, new EvaluationFrame(session), $"'{bkm.Name}'", bkm.Id, bkm.Element.Position);
    }

    private static FeelValue EvaluateDecision(DecisionNode decision, EvaluationSession session)
    {
        if (decision.Logic is null)
        {
            // A decision without logic can only take its value from the caller (DMN 1.5 §6.3.7).
            if (session.Inputs.TryGetValue(decision.Name, out var given))
            {
                return TypeCoercion.Apply(given, decision.Type, new EvaluationFrame(session), "The value given for decision", decision.Name, decision.Id, decision.Element.Position);
            }

            session.Warn($"The decision '{decision.Name}' has no decision logic and no value was given for it; its value is null.", decision.Id, decision.Element.Position);
            return FeelValue.Null;
        }

        if (!session.Enter(decision))
        {
            session.Warn($"The decision '{decision.Name}' requires itself through its requirements; its value is null.", decision.Id, decision.Element.Position);
            return FeelValue.Null;
        }

        // ValueOf stores the result, which also ends the node's in-progress mark.
        RuntimeHelpers.EnsureSufficientExecutionStack();
        var frame = new EvaluationFrame(session);
        Bind(frame, decision.Owner, decision.Information, session);
        Bind(frame, decision.Owner, decision.Knowledge, session);
        var value = decision.Logic(frame);
        return TypeCoercion.Apply(value, decision.Type, frame, "The decision", decision.Name, decision.Id, decision.Element.Position);
    }

    private static FeelValue InputValue(InputDataNode input, EvaluationSession session)
    {
        FeelValue? given = null;
        var prefix = input.Owner.ImportedAs;
        if (prefix is null)
        {
            if (session.Inputs.TryGetValue(input.Name, out var direct))
            {
                given = direct;
            }
        }
        else if (session.Inputs.TryGetValue(prefix + "." + input.Name, out var qualified))
        {
            given = qualified;
        }
        else if (session.Inputs.TryGetValue(prefix, out var group) && FeelInterop.TryGetEntry(group, input.Name, out var entry))
        {
            // An imported model's input data may be given as an entry of a context named by the import prefix.
            given = entry;
        }

        if (given is null)
        {
            return FeelValue.Null;
        }

        if (input.Type.IsAny || given.IsNull)
        {
            return given;
        }

        return TypeCoercion.Apply(given, input.Type, session.EmptyFrame, "The input data", input.Name, input.Id, input.Element.Position);
    }

    private static FeelValue KnowledgeModelFunction(BusinessKnowledgeModelNode bkm, EvaluationSession session)
    {
        if (bkm.Body is null)
        {
            session.Warn($"The business knowledge model '{bkm.Name}' has no logic; its value is null.", bkm.Id, bkm.Element.Position);
            return FeelValue.Null;
        }

        var closure = new EvaluationFrame(session);
        var resultType = bkm.ResultType;
        var body = bkm.Body;
        Evaluator typed = resultType.IsAny
            ? body
            : frame => TypeCoercion.Apply(body(frame), resultType, frame, "The business knowledge model", bkm.Name, bkm.Id, bkm.Element.Position);
        var function = FunctionFactory.Create(bkm.Parameters, typed, closure, $"The business knowledge model '{bkm.Name}'", bkm.Id, bkm.Element.Position, bkm.Name);

        // Bind after creating the function so that the model can call itself recursively.
        session.SetResult(bkm, function);
        closure.Bind(bkm.Name, function);
        Bind(closure, bkm.Owner, bkm.Knowledge, session);
        return function;
    }

    private static FeelValue ServiceFunction(DecisionServiceNode service, EvaluationSession session) =>
        FeelInterop.Function(service.Name, service.Parameters.Select(p => p.Name).ToList(),
            arguments => ServiceResult(service, InvokeService(service, arguments, session), session));

    /// <summary>Puts the values of <paramref name="nodes"/> into <paramref name="frame"/> under the names <paramref name="viewer"/> sees them by.</summary>
    private static void Bind(EvaluationFrame frame, ModelCompilation viewer, List<DrgNode> nodes, EvaluationSession session)
    {
        Dictionary<string, List<KeyValuePair<string, FeelValue>>>? imported = null;
        foreach (var node in nodes)
        {
            var value = ValueOf(node, session);
            var prefix = viewer.PrefixOf(node.Owner);
            if (prefix is null)
            {
                frame.Bind(node.Name, value);
                continue;
            }

            // DMN 1.5 §6.3.3: an imported element is named 'prefix.name'; FEEL reaches it as a path into the context 'prefix'.
            frame.Bind(prefix + "." + node.Name, value);
            imported ??= new Dictionary<string, List<KeyValuePair<string, FeelValue>>>(StringComparer.Ordinal);
            if (!imported.TryGetValue(prefix, out var entries))
            {
                imported[prefix] = entries = [];
            }

            entries.Add(new KeyValuePair<string, FeelValue>(node.Name, value));
        }

        if (imported is not null)
        {
            foreach (var (prefix, entries) in imported)
            {
                frame.Bind(prefix, FeelInterop.Context(entries));
            }
        }
    }
}
