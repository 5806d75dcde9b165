using Crm.Bpm.Dmn.Drg;
using Crm.Bpm.Dmn.Expressions;
using Crm.Bpm.Dmn.Tables;
using Crm.Bpm.Dmn.Types;
using Crm.Bpm.Feel.Values;

namespace Crm.Bpm.Dmn.Evaluation;

/// <summary>Compiles boxed expressions (DMN 1.5 §7.2, chapter 8 and §10.2) into evaluators, once per model.</summary>
internal sealed class ExpressionCompiler(CompilationContext context)
{
    /// <summary>Compiles <paramref name="expression"/>; a missing expression evaluates to null.</summary>
    public Evaluator Compile(DmnExpression? expression, NameScope names, string? ownerId)
    {
        if (expression is null)
        {
            return static _ => FeelValue.Null;
        }

        var evaluator = expression switch
        {
            LiteralExpression literal => CompileLiteral(literal, names, ownerId),
            DecisionTable table => new DecisionTableCompiler(context).Compile(table, names, ownerId),
            ContextExpression boxedContext => CompileContext(boxedContext, names, ownerId),
            Invocation invocation => CompileInvocation(invocation, names, ownerId),
            Relation relation => CompileRelation(relation, names, ownerId),
            ListExpression list => CompileList(list, names, ownerId),
            Conditional conditional => CompileConditional(conditional, names, ownerId),
            Expressions.Iterator iterator => CompileIterator(iterator, names, ownerId),
            Filter filter => CompileFilter(filter, names, ownerId),
            FunctionDefinition function => CompileFunction(function, names, ownerId),
            _ => static _ => FeelValue.Null,
        };

        var type = context.Types.Resolve(expression.TypeRef, expression, ownerId);
        if (type.IsAny)
        {
            return evaluator;
        }

        var id = expression.Id ?? ownerId;
        var position = expression.Position;
        return frame => TypeCoercion.Apply(evaluator(frame), type, frame, "The expression's result", null, id, position);
    }

    private Evaluator CompileLiteral(LiteralExpression literal, NameScope names, string? ownerId)
    {
        if (string.IsNullOrWhiteSpace(literal.Text))
        {
            return static _ => FeelValue.Null;
        }

        var compiled = context.CompileFeel(literal.Text, names, literal, ownerId);
        return compiled.Evaluate;
    }

    private Evaluator CompileContext(ContextExpression boxed, NameScope names, string? ownerId)
    {
        var entries = new List<(string? Name, DmnType Type, Evaluator Value, string? Id, SourcePosition Position)>();
        var scope = names;
        foreach (var entry in boxed.Entries)
        {
            var name = entry.Variable?.Name;
            var value = Compile(entry.Value, name is null ? scope : scope.With(name), ownerId);
            var type = entry.Variable is null ? AnyType.Instance : context.Types.Resolve(entry.Variable.TypeRef, entry.Variable, ownerId);
            entries.Add((name, type, value, entry.Variable?.Id ?? entry.Value?.Id, entry.Variable?.Position ?? entry.Value?.Position ?? boxed.Position));
            if (name is not null)
            {
                scope = scope.With(name);
            }
        }

        var hasResult = entries.Count > 0 && entries[^1].Name is null;
        return frame =>
        {
            // DMN 1.5 §10.2.1.5: each entry sees the entries before it; a last entry without a name is the result.
            var inner = frame.Child();
            var values = new List<KeyValuePair<string, FeelValue>>(entries.Count);
            for (var i = 0; i < entries.Count; i++)
            {
                var (name, type, evaluate, id, position) = entries[i];
                var value = evaluate(inner);
                if (name is null)
                {
                    if (i == entries.Count - 1)
                    {
                        return value;
                    }

                    continue;
                }

                value = TypeCoercion.Apply(value, type, inner, "The context entry", name, id, position);
                inner.Bind(name, value);
                values.Add(new KeyValuePair<string, FeelValue>(name, value));
            }

            return hasResult ? FeelValue.Null : FeelInterop.Context(values);
        };
    }

    private Evaluator CompileInvocation(Invocation invocation, NameScope names, string? ownerId)
    {
        var function = Compile(invocation.CalledFunction, names, ownerId);
        var functionName = (invocation.CalledFunction as LiteralExpression)?.Text.Trim() ?? "the function";
        var bindings = invocation.Bindings.Select(b => (b.Parameter.Name, Value: Compile(b.Expression, names, ownerId))).ToList();
        var id = invocation.Id ?? ownerId;
        var position = invocation.Position;
        return frame =>
        {
            var target = function(frame);
            if (!FeelInterop.IsFunction(target))
            {
                frame.Session.Warn($"The invocation calls '{functionName}', which is not a function here (it is {TypeCoercion.Describe(target)}); the result is null.", id, position);
                return FeelValue.Null;
            }

            var arguments = new List<KeyValuePair<string, FeelValue>>(bindings.Count);
            foreach (var (name, value) in bindings)
            {
                arguments.Add(new KeyValuePair<string, FeelValue>(name, value(frame)));
            }

            return FeelInterop.InvokeNamed(target, arguments, frame, $"'{functionName}'", id, position);
        };
    }

    private Evaluator CompileRelation(Relation relation, NameScope names, string? ownerId)
    {
        var columns = relation.Columns.Select(c => c.Name).ToList();
        var rows = relation.Rows.Select(r => r.Select(cell => Compile(cell, names, ownerId)).ToList()).ToList();
        foreach (var row in relation.Rows.Where(r => r.Count != columns.Count))
        {
            context.Report(Diagnostics.DiagnosticSeverity.Error, Parsing.DmnDiagnosticCodes.InvalidElement,
                $"A relation row has {row.Count} cells but the relation has {columns.Count} columns; give one cell per column.", relation, ownerId);
        }

        return frame =>
        {
            var result = new List<FeelValue>(rows.Count);
            foreach (var row in rows)
            {
                var entries = new List<KeyValuePair<string, FeelValue>>(columns.Count);
                for (var i = 0; i < columns.Count; i++)
                {
                    entries.Add(new KeyValuePair<string, FeelValue>(columns[i], i < row.Count ? row[i](frame) : FeelValue.Null));
                }

                result.Add(FeelInterop.Context(entries));
            }

            return FeelInterop.List(result);
        };
    }

    private Evaluator CompileList(ListExpression list, NameScope names, string? ownerId)
    {
        var items = list.Items.Select(i => Compile(i, names, ownerId)).ToList();
        return frame =>
        {
            var values = new List<FeelValue>(items.Count);
            foreach (var item in items)
            {
                values.Add(item(frame));
            }

            return FeelInterop.List(values);
        };
    }

    private Evaluator CompileConditional(Conditional conditional, NameScope names, string? ownerId)
    {
        var condition = Compile(conditional.If, names, ownerId);
        var then = Compile(conditional.Then, names, ownerId);
        var otherwise = Compile(conditional.Else, names, ownerId);

        // DMN 1.5 §8.3.3 (boxed conditional): anything but true selects the else branch, as FEEL's if does.
        return frame => FeelInterop.IsTrue(condition(frame)) ? then(frame) : otherwise(frame);
    }

    private Evaluator CompileIterator(Expressions.Iterator iterator, NameScope names, string? ownerId)
    {
        var source = Compile(iterator.In, names, ownerId);
        var body = Compile(iterator.Body, names.With(iterator.IteratorVariable), ownerId);
        var variable = iterator.IteratorVariable;
        var kind = iterator.Kind;
        var id = iterator.Id ?? ownerId;
        var position = iterator.Position;
        return frame =>
        {
            var items = FeelInterop.Iterate(source(frame));
            if (items is null)
            {
                frame.Session.Warn($"The boxed '{kind.ToString().ToLowerInvariant()}' iterates over something that is not a list; the result is null.", id, position);
                return FeelValue.Null;
            }

            var results = new List<FeelValue>();
            var inner = frame.Child();
            foreach (var item in items)
            {
                inner.Bind(variable, item);
                results.Add(body(inner));
            }

            return kind switch
            {
                IteratorKind.For => FeelInterop.List(results),
                IteratorKind.Some => Quantify(results, some: true),
                _ => Quantify(results, some: false),
            };
        };
    }

    /// <summary>FEEL quantified expressions (DMN 1.5 §10.3.2.14): a deciding true (some) or false (every) wins; otherwise any non-boolean makes the result null.</summary>
    private static FeelValue Quantify(List<FeelValue> results, bool some)
    {
        var undecided = false;
        foreach (var result in results)
        {
            if (FeelInterop.TryBoolean(result, out var b))
            {
                if (b == some)
                {
                    return FeelInterop.Boolean(some);
                }
            }
            else
            {
                undecided = true;
            }
        }

        return undecided ? FeelValue.Null : FeelInterop.Boolean(!some);
    }

    private Evaluator CompileFilter(Filter filter, NameScope names, string? ownerId)
    {
        var source = Compile(filter.In, names, ownerId);
        var match = Compile(filter.Match, names.With("item"), ownerId);
        var id = filter.Id ?? ownerId;
        var position = filter.Position;
        return frame =>
        {
            var value = source(frame);
            if (value.IsNull)
            {
                return FeelValue.Null;
            }

            // FEEL applies a filter to a non-list as to a singleton list (DMN 1.5 §10.3.2.5).
            var items = FeelInterop.TryList(value, out var list) ? list : [value];
            var kept = new List<FeelValue>();
            var inner = frame.Child();
            foreach (var item in items)
            {
                inner.Bind("item", item);
                var test = match(WithContextEntries(inner, item));
                if (FeelInterop.TryBoolean(test, out var keep))
                {
                    if (keep)
                    {
                        kept.Add(item);
                    }
                }
                else if (!test.IsNull)
                {
                    frame.Session.Warn($"The filter's match gave {TypeCoercion.Describe(test)}, not a boolean; the result is null.", id, position);
                    return FeelValue.Null;
                }
            }

            return FeelInterop.List(kept);
        };
    }

    /// <summary>In a filter, the entries of a context item are visible by name as well as through <c>item</c>.</summary>
    private static EvaluationFrame WithContextEntries(EvaluationFrame frame, FeelValue item)
    {
        if (!FeelInterop.TryContext(item, out var entries))
        {
            return frame;
        }

        var inner = frame.Child();
        foreach (var (name, value) in entries)
        {
            inner.Bind(name, value);
        }

        return inner;
    }

    private Evaluator CompileFunction(FunctionDefinition function, NameScope names, string? ownerId)
    {
        if (function.Kind != FunctionKind.Feel)
        {
            var unsupportedId = function.Id ?? ownerId;
            return frame =>
            {
                frame.Session.Warn($"The function is of kind {function.Kind}; only FEEL functions run here, so its value is null.", unsupportedId, function.Position);
                return FeelValue.Null;
            };
        }

        var parameters = function.FormalParameters
            .Select(p => new FunctionParameter(p.Name, context.Types.Resolve(p.TypeRef, p, ownerId)))
            .ToList();
        var body = Compile(function.Body, names.With(parameters.Select(p => p.Name)), ownerId);
        var id = function.Id ?? ownerId;
        return frame => FunctionFactory.Create(parameters, body, frame, "The function", id, function.Position);
    }
}
