using Crm.Bpm.Dmn.Drg;
using Crm.Bpm.Dmn.Evaluation;
using Crm.Bpm.Feel.Values;

namespace Crm.Bpm.Dmn.Tables;

/// <summary>Evaluates a compiled decision table: matches rules, checks input and output values, and applies the hit policy.</summary>
internal sealed class DecisionTableEvaluator(
    HitPolicy hitPolicy,
    BuiltinAggregator aggregation,
    CompiledInput[] inputs,
    CompiledOutput[] outputs,
    CompiledRule[] rules,
    string? id,
    SourcePosition position)
{
    private readonly bool _singleHit = hitPolicy is HitPolicy.Unique or HitPolicy.Any or HitPolicy.First or HitPolicy.Priority;
    private readonly RuleIndex? _index = RuleIndex.TryBuild(rules);

    public FeelValue Evaluate(EvaluationFrame frame)
    {
        var values = new FeelValue[inputs.Length];
        for (var i = 0; i < inputs.Length; i++)
        {
            var input = inputs[i];
            var value = input.Expression(frame);
            if (!input.InputValues.IsAny && !value.IsNull && input.InputValues.Matches(value, frame) != true)
            {
                // DMN 1.5 §8.3.2: an input outside its input values is an error, so the table's result is null.
                frame.Session.Warn($"The input '{input.Text}' is {TypeCoercion.Describe(value)}, which is not among its input values ({input.InputValues.Text}); the decision table's result is null.", input.Id ?? id, position);
                return FeelValue.Null;
            }

            values[i] = value;
        }

        return hitPolicy switch
        {
            HitPolicy.First => First(values, frame),
            HitPolicy.Unique => Unique(values, frame),
            _ => Multiple(values, frame),
        };
    }

    /// <summary>The rules that can match these inputs, in rule order: all of them, or those the index leaves.</summary>
    private CompiledRule[] Candidates(FeelValue[] values) => _index is null ? rules : _index.Candidates(values);

    private static bool Matches(CompiledRule rule, FeelValue[] values, EvaluationFrame frame)
    {
        var entries = rule.InputEntries;
        for (var i = 0; i < entries.Length; i++)
        {
            var entry = entries[i];
            if (!entry.IsAny && entry.Matches(values[i], frame) != true)
            {
                return false;
            }
        }

        return true;
    }

    private FeelValue First(FeelValue[] values, EvaluationFrame frame)
    {
        foreach (var rule in Candidates(values))
        {
            if (Matches(rule, values, frame))
            {
                return Output(rule, frame) ?? FeelValue.Null;
            }
        }

        return NoMatch(frame);
    }

    private FeelValue Unique(FeelValue[] values, EvaluationFrame frame)
    {
        CompiledRule? hit = null;
        foreach (var rule in Candidates(values))
        {
            if (!Matches(rule, values, frame))
            {
                continue;
            }

            if (hit is not null)
            {
                frame.Session.Warn($"The UNIQUE decision table matched rules {hit.Number} and {rule.Number} (and maybe more); only one may match, so the result is null.", id, position);
                return FeelValue.Null;
            }

            hit = rule;
        }

        return hit is null ? NoMatch(frame) : Output(hit, frame) ?? FeelValue.Null;
    }

    private FeelValue Multiple(FeelValue[] values, EvaluationFrame frame)
    {
        var hits = new List<(CompiledRule Rule, FeelValue[] Outputs)>();
        foreach (var rule in Candidates(values))
        {
            if (Matches(rule, values, frame))
            {
                var outputValues = OutputValues(rule, frame);
                if (outputValues is null)
                {
                    return FeelValue.Null;
                }

                hits.Add((rule, outputValues));
            }
        }

        if (hits.Count == 0)
        {
            if (hitPolicy == HitPolicy.Collect && aggregation == BuiltinAggregator.Count)
            {
                return FeelInterop.Number(0);
            }

            return NoMatch(frame);
        }

        switch (hitPolicy)
        {
            case HitPolicy.Any:
                for (var i = 1; i < hits.Count; i++)
                {
                    if (!SameOutputs(hits[0].Outputs, hits[i].Outputs))
                    {
                        frame.Session.Warn($"The ANY decision table matched rules {hits[0].Rule.Number} and {hits[i].Rule.Number} with different outputs; the result is null.", id, position);
                        return FeelValue.Null;
                    }
                }

                return Shape(hits[0].Outputs);

            case HitPolicy.Priority:
                return Shape(SortByPriority(hits, frame)[0].Outputs);

            case HitPolicy.OutputOrder:
                return FeelInterop.List(SortByPriority(hits, frame).Select(h => Shape(h.Outputs)).ToList());

            case HitPolicy.RuleOrder:
                return FeelInterop.List(hits.Select(h => Shape(h.Outputs)).ToList());

            default:
                return Collect(hits, frame);
        }
    }

    private FeelValue Collect(List<(CompiledRule Rule, FeelValue[] Outputs)> hits, EvaluationFrame frame)
    {
        if (aggregation == BuiltinAggregator.None)
        {
            return FeelInterop.List(hits.Select(h => Shape(h.Outputs)).ToList());
        }

        if (outputs.Length != 1)
        {
            frame.Session.Warn($"The COLLECT {aggregation} decision table has {outputs.Length} outputs; aggregation needs exactly one, so the result is null.", id, position);
            return FeelValue.Null;
        }

        var list = hits.Select(h => h.Outputs[0]).ToList();
        if (aggregation == BuiltinAggregator.Count)
        {
            return FeelInterop.Number(list.Count);
        }

        var function = aggregation switch
        {
            BuiltinAggregator.Sum => "sum",
            BuiltinAggregator.Min => "min",
            _ => "max",
        };
        var result = FeelInterop.CallBuiltin(function, FeelInterop.List(list));
        if (result.IsNull)
        {
            frame.Session.Warn($"The COLLECT {aggregation} decision table could not aggregate its outputs ({TypeCoercion.Describe(FeelInterop.List(list))}); the result is null.", id, position);
        }

        return result;
    }

    private List<(CompiledRule Rule, FeelValue[] Outputs)> SortByPriority(List<(CompiledRule Rule, FeelValue[] Outputs)> hits, EvaluationFrame frame)
    {
        var priorityLists = outputs.Select(o => o.Priorities is null ? null : FeelInterop.TryList(o.Priorities(frame), out var l) ? l : null).ToArray();
        int Rank(FeelValue[] values, int column)
        {
            var list = priorityLists[column];
            if (list is null)
            {
                return int.MaxValue;
            }

            for (var i = 0; i < list.Count; i++)
            {
                if (FeelValue.FeelEquals(list[i], values[column]) == true)
                {
                    return i;
                }
            }

            return int.MaxValue;
        }

        // A stable sort keeps rule order among outputs of equal priority.
        return hits
            .Select((h, index) => (Hit: h, Index: index, Ranks: Enumerable.Range(0, outputs.Length).Select(c => Rank(h.Outputs, c)).ToArray()))
            .OrderBy(x => x.Ranks, RankComparer.Instance)
            .ThenBy(x => x.Index)
            .Select(x => x.Hit)
            .ToList();
    }

    private static bool SameOutputs(FeelValue[] left, FeelValue[] right)
    {
        for (var i = 0; i < left.Length; i++)
        {
            if (!left[i].Equals(right[i]) && FeelValue.FeelEquals(left[i], right[i]) != true)
            {
                return false;
            }
        }

        return true;
    }

    private FeelValue NoMatch(EvaluationFrame frame)
    {
        var anyDefault = false;
        var defaults = new FeelValue[outputs.Length];
        for (var i = 0; i < outputs.Length; i++)
        {
            if (outputs[i].Default is { } evaluate)
            {
                anyDefault = true;
                defaults[i] = TypeCoercion.Apply(evaluate(frame), outputs[i].Type, frame, "The default of output", outputs[i].Name, outputs[i].Id, position);
            }
            else
            {
                defaults[i] = FeelValue.Null;
            }
        }

        if (anyDefault)
        {
            // A multiple-hit table's result is a list, so its default is a one-element list (an aggregation's is the value).
            var value = Shape(defaults);
            return _singleHit || aggregation != BuiltinAggregator.None ? value : FeelInterop.List([value]);
        }

        // DMN 1.5 §8.2.11: a single-hit table or an aggregation over no match gives null, a multiple-hit table an empty list.
        return _singleHit || aggregation != BuiltinAggregator.None ? FeelValue.Null : FeelInterop.List([]);
    }

    private FeelValue? Output(CompiledRule rule, EvaluationFrame frame)
    {
        var values = OutputValues(rule, frame);
        return values is null ? null : Shape(values);
    }

    /// <summary>The rule's output values, type-checked and checked against the output values lists; null when one is not allowed.</summary>
    private FeelValue[]? OutputValues(CompiledRule rule, EvaluationFrame frame)
    {
        var values = new FeelValue[outputs.Length];
        for (var i = 0; i < outputs.Length; i++)
        {
            var output = outputs[i];
            var value = TypeCoercion.Apply(rule.OutputEntries[i](frame), output.Type, frame, rule.OutputDescriptions[i], null, rule.Id ?? id, position);
            if (!output.OutputValues.IsAny && !value.IsNull && output.OutputValues.Matches(value, frame) != true)
            {
                frame.Session.Warn($"Rule {rule.Number} gives output '{output.Name}' the value {TypeCoercion.Describe(value)}, which is not among its output values ({output.OutputValues.Text}); the decision table's result is null.", rule.Id ?? id, position);
                return null;
            }

            values[i] = value;
        }

        return values;
    }

    /// <summary>One output column gives its value; several give a context keyed by output name (DMN 1.5 §8.2.11).</summary>
    private FeelValue Shape(FeelValue[] values)
    {
        if (outputs.Length == 1)
        {
            return values[0];
        }

        var entries = new List<KeyValuePair<string, FeelValue>>(outputs.Length);
        for (var i = 0; i < outputs.Length; i++)
        {
            entries.Add(new KeyValuePair<string, FeelValue>(outputs[i].Name, values[i]));
        }

        return FeelInterop.Context(entries);
    }

    /// <summary>Orders rank vectors lexicographically: the first output decides, later outputs break ties.</summary>
    private sealed class RankComparer : IComparer<int[]>
    {
        public static RankComparer Instance { get; } = new();

        public int Compare(int[]? x, int[]? y)
        {
            for (var i = 0; i < x!.Length; i++)
            {
                var c = x[i].CompareTo(y![i]);
                if (c != 0)
                {
                    return c;
                }
            }

            return 0;
        }
    }
}
