using Crm.Bpm.Feel.Evaluation;
using Crm.Bpm.Feel.Functions;
using Crm.Bpm.Feel.Numbers;
using Crm.Bpm.Feel.Parsing;
using Crm.Bpm.Feel.Values;

namespace Crm.Bpm.Feel.Compilation;

/// <summary>Turns the syntax tree into closures (DMN 1.5 §10.3.2 semantics), specialising the common shapes for speed.</summary>
internal static class Compiler
{
    private static readonly FeelBoolean True = FeelBoolean.True;
    private static readonly FeelBoolean False = FeelBoolean.False;

    public static Evaluator Compile(Node node)
    {
        var evaluator = CompileNode(node);

        // Literal lists, ranges and arithmetic are computed once: values are immutable, so sharing them is safe.
        if (node is ListNode or RangeNode or EqualityRangeNode or NegateNode or BinaryNode && IsConstant(node))
        {
            var probe = new FeelEvaluationContext(FeelScope.Empty);
            var value = evaluator(probe, FeelScope.Empty);
            if (!probe.HasWarnings)
            {
                return Constant(value);
            }
        }

        return evaluator;
    }

    private static bool IsConstant(Node node) => node switch
    {
        NumberNode or StringNode or BooleanNode or NullNode or AtLiteralNode => true,
        NegateNode n => IsConstant(n.Operand),
        BinaryNode b => IsConstant(b.Left) && IsConstant(b.Right),
        ListNode l => l.Items.All(IsConstant),
        RangeNode r => (r.Low is null || IsConstant(r.Low)) && (r.High is null || IsConstant(r.High)),
        EqualityRangeNode e => IsConstant(e.Operand),
        _ => false,
    };

    private static Evaluator CompileNode(Node node) => node switch
    {
        NumberNode n => Constant(FeelNumber.Of(n.Value)),
        StringNode s => Constant(new FeelString(s.Value)),
        BooleanNode b => Constant(FeelBoolean.Of(b.Value)),
        NullNode => Constant(FeelValue.Null),
        AtLiteralNode at => AtLiteral(at.Text),
        NameNode name => Name(name.Name),
        NegateNode neg => Negate(Compile(neg.Operand)),
        BinaryNode bin => Binary(bin),
        AndNode and => And(Compile(and.Left), Compile(and.Right)),
        OrNode or => Or(Compile(or.Left), Compile(or.Right)),
        BetweenNode between => Between(between),
        InNode inNode => In(inNode),
        InstanceOfNode instance => InstanceOf(instance),
        IfNode ifNode => If(ifNode),
        ForNode forNode => For(forNode),
        QuantifiedNode q => Quantified(q),
        FunctionDefinitionNode f => FunctionDefinition(f),
        InvocationNode call => Invocation(call),
        PathNode path => Path(path),
        FilterNode filter => Filter(filter),
        ListNode list => List(list),
        ContextNode ctx => Context(ctx),
        RangeNode range => Range(range),
        EqualityRangeNode eq => EqualityRange(eq),
        UnaryComparisonNode or AnyNode or TestListNode or NotTestsNode => InputTest(node),
        _ => throw new InvalidOperationException($"No compiler for {node.GetType().Name}."),
    };

    /// <summary>Compiles unary tests against an input value.</summary>
    public static UnaryTestEvaluator CompileTests(Node node)
    {
        switch (node)
        {
            case AnyNode:
                return (_, _, _) => True;
            case NotTestsNode not:
                {
                    var inner = CompileTests(not.Tests);
                    return (input, context, scope) => inner(input, context, scope) switch
                    {
                        FeelBoolean b => FeelBoolean.Of(!b.Value),
                        _ => FeelValue.Null,
                    };
                }

            case TestListNode list when list.Tests.Count == 1:
                return CompileTests(list.Tests[0]);
            case TestListNode list:
                {
                    var tests = list.Tests.Select(CompileTests).ToArray();
                    return (input, context, scope) =>
                    {
                        var sawNull = false;
                        foreach (var test in tests)
                        {
                            var r = test(input, context, scope);
                            if (r is FeelBoolean { Value: true })
                            {
                                return True;
                            }

                            if (r is not FeelBoolean)
                            {
                                sawNull = true;
                            }
                        }

                        return sawNull ? FeelValue.Null : False;
                    };
                }

            case UnaryComparisonNode cmp:
                {
                    var operand = Compile(cmp.Operand);
                    var op = cmp.Operator;
                    if (!UsesInput(cmp.Operand))
                    {
                        return (input, context, scope) => Compare(context, op, input, operand(context, scope));
                    }

                    return (input, context, scope) => Compare(context, op, input, operand(context, InputScope(scope, input)));
                }

            default:
                {
                    // DMN 1.5 §10.3.2.? "unary tests": an expression is satisfied when it is true (using ?), equals the
                    // input, contains it (list), or includes it (range).
                    var usesInput = UsesInput(node);
                    var expression = Compile(node);
                    if (!usesInput)
                    {
                        return (input, context, scope) => MatchTestValue(context, input, expression(context, scope), usesInput: false);
                    }

                    return (input, context, scope) =>
                    {
                        var value = expression(context, InputScope(scope, input));
                        return MatchTestValue(context, input, value, usesInput);
                    };
                }
        }
    }

    public static FeelValue MatchTestValue(FeelEvaluationContext context, FeelValue input, FeelValue value, bool usesInput)
    {
        switch (value)
        {
            case FeelBoolean when usesInput || input is not FeelBoolean && !input.IsNull:
                return value;
            case FeelRange range:
                return range.Contains(input) is { } inRange ? FeelBoolean.Of(inRange) : FeelValue.Null;
            case FeelList list:
                {
                    foreach (var item in list)
                    {
                        var hit = item is FeelRange r ? r.Contains(input) : FeelValue.FeelEquals(input, item);
                        if (hit == true)
                        {
                            return True;
                        }
                    }

                    return FeelBoolean.Of(input is FeelList && FeelValue.FeelEquals(input, list) == true);
                }

            case FeelNull:
                return FeelBoolean.Of(input.IsNull);
            default:
                {
                    var equal = FeelValue.FeelEquals(input, value);
                    if (equal is null && value is FeelList candidates)
                    {
                        // A loop, not a lambda: a closure over 'input' would allocate on every test.
                        foreach (var candidate in candidates.Items)
                        {
                            if (FeelValue.FeelEquals(input, candidate) == true)
                            {
                                return True;
                            }
                        }

                        return False;
                    }

                    return equal is { } e ? FeelBoolean.Of(e) : FeelValue.Null;
                }
        }
    }

    private static LocalScope InputScope(FeelScope scope, FeelValue input) => new LocalScope(scope, "?", input);

    private static bool UsesInput(Node node) => node switch
    {
        NameNode n => n.Name == "?",
        NegateNode n => UsesInput(n.Operand),
        BinaryNode b => UsesInput(b.Left) || UsesInput(b.Right),
        AndNode a => UsesInput(a.Left) || UsesInput(a.Right),
        OrNode o => UsesInput(o.Left) || UsesInput(o.Right),
        BetweenNode b => UsesInput(b.Value) || UsesInput(b.Low) || UsesInput(b.High),
        InNode i => UsesInput(i.Value) || UsesInput(i.Tests),
        InstanceOfNode i => UsesInput(i.Value),
        IfNode i => UsesInput(i.Condition) || UsesInput(i.Then) || UsesInput(i.Else),
        ForNode f => f.Iterators.Any(it => UsesInput(it.Domain) || (it.RangeEnd is not null && UsesInput(it.RangeEnd))) || UsesInput(f.Body),
        QuantifiedNode q => q.Iterators.Any(it => UsesInput(it.Domain)) || UsesInput(q.Condition),
        FunctionDefinitionNode f => UsesInput(f.Body),
        InvocationNode c => UsesInput(c.Target) || c.Positional.Any(UsesInput) || (c.Named?.Any(a => UsesInput(a.Value)) ?? false),
        PathNode p => UsesInput(p.Target),
        FilterNode f => UsesInput(f.Target) || UsesInput(f.Filter),
        ListNode l => l.Items.Any(UsesInput),
        ContextNode c => c.Entries.Any(e => UsesInput(e.Value)),
        RangeNode r => (r.Low is not null && UsesInput(r.Low)) || (r.High is not null && UsesInput(r.High)),
        EqualityRangeNode e => UsesInput(e.Operand),
        UnaryComparisonNode u => UsesInput(u.Operand),
        TestListNode t => t.Tests.Any(UsesInput),
        NotTestsNode n => UsesInput(n.Tests),
        _ => false,
    };

    private static Evaluator Constant(FeelValue value) => (_, _) => value;

    private static Evaluator AtLiteral(string text)
    {
        FeelValue? value = text.Contains('T', StringComparison.Ordinal) && !text.StartsWith('P') && !text.StartsWith("-P", StringComparison.Ordinal)
            ? FeelDateTime.TryParse(text)
            : text.Contains('P', StringComparison.Ordinal)
                ? (FeelValue?)FeelDaysTimeDuration.TryParse(text) ?? FeelYearsMonthsDuration.TryParse(text)
                : text.Contains(':', StringComparison.Ordinal) ? FeelTime.TryParse(text) : FeelDate.TryParse(text);
        if (value is not null)
        {
            return Constant(value);
        }

        return (context, _) => Arithmetic.WarnNull(context, FeelWarningCodes.InvalidArgument, $"@\"{text}\" is not a valid date, time, date and time or duration.");
    }

    private static Evaluator Name(string name) => (context, scope) =>
    {
        if (scope.TryGetValue(name, out var value))
        {
            return value;
        }

        if (BuiltinFunctions.TryGet(name, out var function))
        {
            return function;
        }

        context.Warn(FeelWarningCodes.UnknownName, $"No variable named '{name}' is in scope.");
        return FeelValue.Null;
    };

    private static Evaluator Negate(Evaluator operand) => (context, scope) => Arithmetic.Negate(context, operand(context, scope));

    private static Evaluator Binary(BinaryNode node)
    {
        var left = Compile(node.Left);
        var right = Compile(node.Right);
        var op = node.Operator;
        switch (op)
        {
            case "+":
                return (c, s) => Arithmetic.Add(c, left(c, s), right(c, s));
            case "-":
                return (c, s) => Arithmetic.Subtract(c, left(c, s), right(c, s));
            case "*":
                return (c, s) => Arithmetic.Multiply(c, left(c, s), right(c, s));
            case "/":
                return (c, s) => Arithmetic.Divide(c, left(c, s), right(c, s));
            case "**":
                return (c, s) => Arithmetic.Power(c, left(c, s), right(c, s));
        }

        // Fast paths: a comparison against a number or string constant (the usual shape of gateway conditions).
        if (node.Right is NumberNode number)
        {
            var constant = number.Value;
            var boxed = FeelNumber.Of(constant);
            if (op is not (">" or "<" or ">=" or "<="))
            {
                return (c, s) => Compare(c, op, left(c, s), boxed);
            }

            return op switch
            {
                ">" => (c, s) =>
                {
                    var l = left(c, s);
                    return l is FeelNumber n ? FeelBoolean.Of(n.Value.CompareTo(constant) > 0) : Compare(c, op, l, boxed);
                },
                "<" => (c, s) =>
                {
                    var l = left(c, s);
                    return l is FeelNumber n ? FeelBoolean.Of(n.Value.CompareTo(constant) < 0) : Compare(c, op, l, boxed);
                },
                ">=" => (c, s) =>
                {
                    var l = left(c, s);
                    return l is FeelNumber n ? FeelBoolean.Of(n.Value.CompareTo(constant) >= 0) : Compare(c, op, l, boxed);
                },
                _ => (c, s) =>
                {
                    var l = left(c, s);
                    return l is FeelNumber n ? FeelBoolean.Of(n.Value.CompareTo(constant) <= 0) : Compare(c, op, l, boxed);
                },
            };
        }

        if (node.Right is StringNode str && op is "=" or "!=")
        {
            var constant = str.Value;
            var boxed = new FeelString(constant);
            var negate = op == "!=";
            return (c, s) =>
            {
                var l = left(c, s);
                return l is FeelString v ? FeelBoolean.Of(string.Equals(v.Value, constant, StringComparison.Ordinal) != negate) : Compare(c, op, l, boxed);
            };
        }

        return (c, s) => Compare(c, op, left(c, s), right(c, s));
    }

    public static FeelValue Compare(FeelEvaluationContext context, string op, FeelValue a, FeelValue b)
    {
        if (op is "=" or "!=")
        {
            var equal = FeelValue.FeelEquals(a, b);
            if (equal is null)
            {
                context.Warn(FeelWarningCodes.InvalidOperands, $"Cannot compare {Arithmetic.Describe(a)} with {Arithmetic.Describe(b)}.");
                return FeelValue.Null;
            }

            return FeelBoolean.Of(equal.Value == (op == "="));
        }

        var order = FeelValue.FeelCompare(a, b);
        if (order is not { } o)
        {
            if (!a.IsNull && !b.IsNull)
            {
                context.Warn(FeelWarningCodes.InvalidOperands, $"Cannot order {Arithmetic.Describe(a)} and {Arithmetic.Describe(b)} with '{op}'.");
            }

            return FeelValue.Null;
        }

        return FeelBoolean.Of(op switch
        {
            "<" => o < 0,
            "<=" => o <= 0,
            ">" => o > 0,
            _ => o >= 0,
        });
    }

    private static Evaluator And(Evaluator left, Evaluator right) => (c, s) =>
    {
        // DMN 1.5 table 49: false wins, then null (non-booleans count as null).
        var l = left(c, s);
        if (ReferenceEquals(l, False))
        {
            return False;
        }

        var r = right(c, s);
        if (ReferenceEquals(r, False))
        {
            return False;
        }

        return ReferenceEquals(l, True) && ReferenceEquals(r, True) ? True : FeelValue.Null;
    };

    private static Evaluator Or(Evaluator left, Evaluator right) => (c, s) =>
    {
        var l = left(c, s);
        if (ReferenceEquals(l, True))
        {
            return True;
        }

        var r = right(c, s);
        if (ReferenceEquals(r, True))
        {
            return True;
        }

        return ReferenceEquals(l, False) && ReferenceEquals(r, False) ? False : FeelValue.Null;
    };

    private static Evaluator Between(BetweenNode node)
    {
        var value = Compile(node.Value);
        var low = Compile(node.Low);
        var high = Compile(node.High);
        return (c, s) =>
        {
            var v = value(c, s);
            var ge = Compare(c, ">=", v, low(c, s));
            var le = Compare(c, "<=", v, high(c, s));
            if (ge == False || le == False)
            {
                return False;
            }

            return ge == True && le == True ? True : FeelValue.Null;
        };
    }

    private static Evaluator In(InNode node)
    {
        var value = Compile(node.Value);
        var tests = CompileTests(node.Tests);
        return (c, s) => tests(value(c, s), c, s);
    }

    private static Evaluator InstanceOf(InstanceOfNode node)
    {
        var value = Compile(node.Value);
        var type = node.Type!;
        return (c, s) => FeelBoolean.Of(type.IsInstance(value(c, s)));
    }

    private static Evaluator If(IfNode node)
    {
        var condition = Compile(node.Condition);
        var then = Compile(node.Then);
        var otherwise = Compile(node.Else);

        // DMN 1.5 §10.3.2.?: a condition that is not true (false or null) takes the else branch.
        return (c, s) => ReferenceEquals(condition(c, s), True) ? then(c, s) : otherwise(c, s);
    }

    private static Evaluator For(ForNode node)
    {
        var iterators = node.Iterators.Select(i => (i.Name, Domain: Compile(i.Domain), End: i.RangeEnd is null ? null : Compile(i.RangeEnd))).ToArray();
        var body = Compile(node.Body);
        return (c, s) =>
        {
            var results = new List<FeelValue>();
            return Iterate(c, s, iterators, 0, results, body) ? FeelList.Wrap(results.ToArray()) : FeelValue.Null;
        };
    }

    private static bool Iterate(FeelEvaluationContext context, FeelScope scope, (string Name, Evaluator Domain, Evaluator? End)[] iterators, int index, List<FeelValue> results, Evaluator body)
    {
        if (index == iterators.Length)
        {
            var withPartial = new LocalScope(scope, "partial", FeelList.Wrap(results.ToArray()));
            results.Add(body(context, withPartial));
            return true;
        }

        var (name, domainEval, endEval) = iterators[index];
        var domain = IterationDomain(context, domainEval(context, scope), endEval?.Invoke(context, scope));
        if (domain is null)
        {
            return false;
        }

        foreach (var item in domain)
        {
            if (!Iterate(context, new LocalScope(scope, name, item), iterators, index + 1, results, body))
            {
                return false;
            }
        }

        return true;
    }

    private static IEnumerable<FeelValue>? IterationDomain(FeelEvaluationContext context, FeelValue start, FeelValue? end)
    {
        if (end is not null)
        {
            if (start is FeelNumber a && end is FeelNumber b && a.Value.IsInteger && b.Value.IsInteger)
            {
                return TooLong(context, a.Value, b.Value) ? null : IntegerRange(a.Value, b.Value, true, true);
            }

            if (start is FeelDate da && end is FeelDate db)
            {
                return DateRange(da, db);
            }

            context.Warn(FeelWarningCodes.InvalidOperands, "An iteration range 'a..b' needs two integers or two dates.");
            return null;
        }

        switch (start)
        {
            case FeelList list:
                return list;
            // TCK 0084: a range value iterates only when it is an ascending range of integers or dates.
            case FeelRange { Start: FeelNumber a, End: FeelNumber b } r when a.Value.IsInteger && b.Value.IsInteger && a.Value <= b.Value:
                return TooLong(context, a.Value, b.Value) ? null : IntegerRange(a.Value, b.Value, r.StartIncluded, r.EndIncluded);
            case FeelRange { Start: FeelDate a, End: FeelDate b } r when a.EpochDay <= b.EpochDay:
                return DateRange(a, b).Where(d => (r.StartIncluded || !d.Equals(a)) && (r.EndIncluded || !d.Equals(b)));
            case FeelRange:
                context.Warn(FeelWarningCodes.InvalidOperands, "Only ascending ranges of integers or dates can be iterated.");
                return null;
            case FeelNull:
                context.Warn(FeelWarningCodes.InvalidOperands, "Cannot iterate over null.");
                return null;
            default:
                return [start];
        }
    }

    /// <summary>A guard for the engine: an iteration of more than ten million numbers is refused (null plus a warning).</summary>
    private static bool TooLong(FeelEvaluationContext context, FeelDecimal from, FeelDecimal to)
    {
        if ((to - from).Abs() <= 10_000_000)
        {
            return false;
        }

        context.Warn(FeelWarningCodes.OutOfRange, $"Iterating from {from} to {to} is more than ten million steps.");
        return true;
    }

    private static IEnumerable<FeelValue> IntegerRange(FeelDecimal from, FeelDecimal to, bool includeFrom, bool includeTo)
    {
        var step = from <= to ? FeelDecimal.One : -FeelDecimal.One;
        var current = includeFrom ? from : from + step;
        var stop = includeTo ? to : to - step;
        if ((step.Sign > 0 && current > stop) || (step.Sign < 0 && current < stop))
        {
            yield break;
        }

        while (true)
        {
            yield return FeelNumber.Of(current);
            if (current == stop)
            {
                yield break;
            }

            current += step;
        }
    }

    private static IEnumerable<FeelValue> DateRange(FeelDate from, FeelDate to)
    {
        var step = from.EpochDay <= to.EpochDay ? 1 : -1;
        for (var day = from.EpochDay; ; day += step)
        {
            yield return FeelDate.FromEpochDay(day);
            if (day == to.EpochDay)
            {
                yield break;
            }
        }
    }

    private static Evaluator Quantified(QuantifiedNode node)
    {
        var iterators = node.Iterators.Select(i => (i.Name, Domain: Compile(i.Domain), End: (Evaluator?)null)).ToArray();
        var condition = Compile(node.Condition);
        var every = node.Every;
        return (c, s) =>
        {
            var results = new List<FeelValue>();
            if (!Iterate(c, s, iterators, 0, results, condition))
            {
                return FeelValue.Null;
            }

            // DMN 1.5 §10.3.2.?: some is true when any is true; every is false when any is not true.
            return every
                ? FeelBoolean.Of(results.All(r => ReferenceEquals(r, True)))
                : FeelBoolean.Of(results.Any(r => ReferenceEquals(r, True)));
        };
    }

    private static Evaluator FunctionDefinition(FunctionDefinitionNode node)
    {
        var parameters = node.Parameters.Select(p => new FeelParameter(p.Name, p.Type)).ToArray();
        var body = Compile(node.Body);
        return (_, s) => new LambdaFunction(parameters, body, s);
    }

    private static Evaluator Invocation(InvocationNode node)
    {
        var positional = node.Positional.Select(Compile).ToArray();
        var named = node.Named?.Select(a => (a.Key, Value: Compile(a.Value))).ToArray();
        Evaluator target;
        string? functionName = null;
        if (node.Target is NameNode name)
        {
            functionName = name.Name;
            BuiltinFunctions.TryGet(name.Name, out var builtin);
            target = (c, s) =>
            {
                if (s.TryGetValue(functionName, out var value))
                {
                    return value;
                }

                if (builtin is not null)
                {
                    return builtin;
                }

                c.Warn(FeelWarningCodes.InvocationFailed, $"No function named '{functionName}' is in scope.");
                return FeelValue.Null;
            };
        }
        else
        {
            target = Compile(node.Target);
        }

        return (c, s) =>
        {
            var callee = target(c, s);
            if (callee is not FeelFunction function)
            {
                if (!callee.IsNull)
                {
                    c.Warn(FeelWarningCodes.InvocationFailed, $"{(functionName is null ? "The value" : $"'{functionName}'")} is {Arithmetic.Describe(callee)}, not a function.");
                }

                return FeelValue.Null;
            }

            if (named is not null)
            {
                var arguments = new KeyValuePair<string, FeelValue>[named.Length];
                for (var i = 0; i < named.Length; i++)
                {
                    arguments[i] = new(named[i].Key, named[i].Value(c, s));
                }

                return function.InvokeNamed(c, arguments);
            }

            var values = new FeelValue[positional.Length];
            for (var i = 0; i < positional.Length; i++)
            {
                values[i] = positional[i](c, s);
            }

            return function.Invoke(c, values);
        };
    }

    private static Evaluator Path(PathNode node)
    {
        var target = Compile(node.Target);
        var name = node.Name;
        return (c, s) => Select(c, target(c, s), name);
    }

    public static FeelValue Select(FeelEvaluationContext context, FeelValue value, string name)
    {
        switch (value)
        {
            case FeelContext ctx:
                return ctx.TryGetValue(name, out var entry) ? entry : FeelValue.Null;
            case FeelList list:
                return FeelList.Wrap(list.Select(item => Select(context, item, name)).ToArray());
            case FeelNull:
                return FeelValue.Null;
        }

        var property = TemporalProperties.Get(value, name);
        if (property is not null)
        {
            return property;
        }

        context.Warn(FeelWarningCodes.InvalidAccess, $"{Arithmetic.Describe(value)} has no property '{name}'.");
        return FeelValue.Null;
    }

    private static Evaluator Filter(FilterNode node)
    {
        var target = Compile(node.Target);
        var filter = Compile(node.Filter);
        var constantIndex = node.Filter is NumberNode or NegateNode { Operand: NumberNode };
        return (c, s) =>
        {
            var value = target(c, s);
            if (value.IsNull)
            {
                return FeelValue.Null;
            }

            var list = value as FeelList ?? FeelList.Of(value);
            if (constantIndex)
            {
                return Index(c, list, filter(c, s));
            }

            var kept = new List<FeelValue>();
            for (var i = 0; i < list.Count; i++)
            {
                var item = list[i];
                var itemScope = new LocalScope(s, "item", item, item as FeelContext);
                var result = filter(c, itemScope);
                if (i == 0 && result is FeelNumber)
                {
                    return Index(c, list, result);
                }

                if (ReferenceEquals(result, True))
                {
                    kept.Add(item);
                }
            }

            return FeelList.Wrap(kept.ToArray());
        };
    }

    private static FeelValue Index(FeelEvaluationContext context, FeelList list, FeelValue index)
    {
        if (index is not FeelNumber n || !n.Value.TryGetInt32(out var i))
        {
            context.Warn(FeelWarningCodes.InvalidAccess, "A list index must be an integer.");
            return FeelValue.Null;
        }

        // DMN 1.5 §10.3.2.5: 1-based, negative counts from the end; out of range is null.
        var at = i > 0 ? i - 1 : list.Count + i;
        if (i == 0 || at < 0 || at >= list.Count)
        {
            context.Warn(FeelWarningCodes.InvalidAccess, $"Index {i} is outside the list of {list.Count} item(s).");
            return FeelValue.Null;
        }

        return list[at];
    }

    private static Evaluator List(ListNode node)
    {
        var items = node.Items.Select(Compile).ToArray();
        return (c, s) =>
        {
            var values = new FeelValue[items.Length];
            for (var i = 0; i < items.Length; i++)
            {
                values[i] = items[i](c, s);
            }

            return FeelList.Wrap(values);
        };
    }

    private static Evaluator Context(ContextNode node)
    {
        var entries = node.Entries.Select(e => (e.Key, Value: Compile(e.Value))).ToArray();
        var duplicate = entries.GroupBy(e => e.Key, StringComparer.Ordinal).FirstOrDefault(g => g.Count() > 1)?.Key;
        return (c, s) =>
        {
            if (duplicate is not null)
            {
                c.Warn(FeelWarningCodes.InvalidAccess, $"The context has the key '{duplicate}' twice.");
                return FeelValue.Null;
            }

            // DMN 1.5 §10.3.2.6: later entries see earlier ones.
            var scope = new FeelScope(s);
            var values = new KeyValuePair<string, FeelValue>[entries.Length];
            for (var i = 0; i < entries.Length; i++)
            {
                var value = entries[i].Value(c, scope);
                scope.Set(entries[i].Key, value);
                values[i] = new(entries[i].Key, value);
            }

            return FeelContext.Create(values);
        };
    }

    private static Evaluator Range(RangeNode node)
    {
        var low = node.Low is null ? null : Compile(node.Low);
        var high = node.High is null ? null : Compile(node.High);
        var startIncluded = node.StartIncluded;
        var endIncluded = node.EndIncluded;
        return (c, s) =>
        {
            var a = low?.Invoke(c, s);
            var b = high?.Invoke(c, s);
            if (a is not null && b is not null && !a.IsNull && !b.IsNull && FeelValue.FeelCompare(a, b) is null)
            {
                c.Warn(FeelWarningCodes.InvalidOperands, $"A range cannot run from {Arithmetic.Describe(a)} to {Arithmetic.Describe(b)}.");
                return FeelValue.Null;
            }

            if ((a is not null && !a.IsNull && FeelValue.FeelCompare(a, a) is null) || (b is not null && !b.IsNull && FeelValue.FeelCompare(b, b) is null))
            {
                c.Warn(FeelWarningCodes.InvalidOperands, "Range endpoints must be comparable values.");
                return FeelValue.Null;
            }

            return new FeelRange(a, startIncluded, b, endIncluded);
        };
    }

    private static Evaluator EqualityRange(EqualityRangeNode node)
    {
        var operand = Compile(node.Operand);
        var equal = node.Equal;
        return (c, s) => FeelRange.Comparison(equal, operand(c, s));
    }

    private static Evaluator InputTest(Node node)
    {
        var test = CompileTests(node);
        return (c, s) => s.TryGetValue("?", out var input) ? test(input, c, s) : Arithmetic.WarnNull(c, FeelWarningCodes.UnknownName, "A unary test needs an input value '?'.");
    }
}
