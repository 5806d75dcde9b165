using Crm.Bpm.Feel.Numbers;
using Crm.Bpm.Feel.Types;

namespace Crm.Bpm.Feel.Parsing;

/// <summary>Recursive-descent parser for FEEL expressions and unary tests (DMN 1.5 §10.3.1 grammar), stopping at the first error.</summary>
internal sealed class Parser
{
    private static readonly HashSet<string> Keywords = new(StringComparer.Ordinal)
    {
        "and", "or", "in", "instance", "of", "between", "satisfies", "return", "then", "else", "if", "for", "some", "every", "function", "external", "true", "false", "null",
    };

    private readonly string _text;
    private readonly FeelCompileOptions _options;
    private readonly List<Token> _tokens;
    private readonly List<string> _dynamicNames = [];
    private KnownNames? _dynamicMatcher;
    private int _p;
    private int _depth;
    private int _rangeEndDepth = -1;

    public Parser(string text, FeelCompileOptions options, KnownNames names)
    {
        _text = text;
        _options = options;
        Lexer = new Lexer(text, names);
        _tokens = Lexer.Tokenize();
    }

    public Lexer Lexer { get; }

    /// <summary>Whether the parsed text refers to the unary-test input <c>?</c>.</summary>
    public bool UsesInput { get; private set; }

    private Token Current => _tokens[_p];

    public Node ParseExpression()
    {
        var node = Expression();
        ExpectEnd("an operator or the end of the expression");
        return node;
    }

    public Node ParseUnaryTests()
    {
        if (Current.Is("-") && _tokens[_p + 1].Kind == TokenKind.End)
        {
            return new AnyNode(Current.Start);
        }

        if (Current.Is("not") && _tokens[_p + 1].Is("(") && ClosingParenIsLast(_p + 1))
        {
            var start = Current.Start;
            _p += 2;
            var tests = PositiveUnaryTests();
            Expect(")", "')' closing not(");
            ExpectEnd("the end of the unary tests");
            return new NotTestsNode(start, tests);
        }

        var list = PositiveUnaryTests();
        ExpectEnd("',' or the end of the unary tests");
        return list;
    }

    private bool ClosingParenIsLast(int open)
    {
        var depth = 0;
        for (var i = open; i < _tokens.Count; i++)
        {
            var t = _tokens[i];
            if (t.Kind == TokenKind.Operator && t.Text is "(" or "[" or "{")
            {
                depth++;
            }
            else if (t.Kind == TokenKind.Operator && t.Text is ")" or "]" or "}")
            {
                depth--;
                if (depth == 0)
                {
                    return t.Text == ")" && _tokens[i + 1].Kind == TokenKind.End;
                }
            }
        }

        return false;
    }

    private TestListNode PositiveUnaryTests()
    {
        var start = Current.Start;
        var tests = new List<Node> { PositiveUnaryTest() };
        while (Current.Is(","))
        {
            _p++;
            tests.Add(PositiveUnaryTest());
        }

        return new TestListNode(start, tests);
    }

    private Node PositiveUnaryTest()
    {
        var t = Current;
        if (t.Kind == TokenKind.Operator && t.Text is "<" or "<=" or ">" or ">=" or "=" or "!=")
        {
            _p++;
            return new UnaryComparisonNode(t.Start, t.Text, Additive());
        }

        return Expression();
    }

    private Node Expression()
    {
        if (++_depth > 200)
        {
            throw new ParseException(Current, "a less deeply nested expression (more than 200 levels)");
        }

        try
        {
            var t = Current;
            if (t.Kind == TokenKind.Name)
            {
                switch (t.Text)
                {
                    case "if":
                        return If();
                    case "for" when _tokens[_p + 1].Kind == TokenKind.Name:
                        return For();
                    case "some" or "every" when _tokens[_p + 1].Kind == TokenKind.Name && !_tokens[_p + 1].Is("in"):
                        return Quantified();
                    case "function" when _tokens[_p + 1].Is("("):
                        return FunctionDefinition();
                }
            }

            return Disjunction();
        }
        finally
        {
            _depth--;
        }
    }

    private IfNode If()
    {
        var start = Current.Start;
        _p++;
        var condition = Expression();
        ExpectKeyword("then");
        var then = Expression();
        ExpectKeyword("else");
        var otherwise = Expression();
        return new IfNode(start, condition, then, otherwise);
    }

    private ForNode For()
    {
        var start = Current.Start;
        _p++;
        var iterators = Iterators(allowRange: true);
        ExpectKeyword("return");
        AddDynamicName("partial");
        return new ForNode(start, iterators, Expression());
    }

    private QuantifiedNode Quantified()
    {
        var start = Current.Start;
        var every = Current.Text == "every";
        _p++;
        var iterators = Iterators(allowRange: false);
        ExpectKeyword("satisfies");
        return new QuantifiedNode(start, every, iterators, Expression());
    }

    private List<Iterator> Iterators(bool allowRange)
    {
        var iterators = new List<Iterator>();
        do
        {
            if (iterators.Count > 0)
            {
                _p++;
            }

            var name = ReadWordsUntil("in", "an iteration variable name");
            ExpectKeyword("in");
            var domain = Expression();
            Node? end = null;
            if (allowRange && Current.Is(".."))
            {
                _p++;
                end = Expression();
            }

            AddDynamicName(name);
            iterators.Add(new Iterator(name, domain, end));
        }
        while (Current.Is(","));

        return iterators;
    }

    private FunctionDefinitionNode FunctionDefinition()
    {
        var start = Current.Start;
        _p += 2;
        var parameters = new List<(string, FeelType?)>();
        while (!Current.Is(")"))
        {
            if (parameters.Count > 0)
            {
                Expect(",", "',' or ')' in the parameter list");
            }

            var name = ReadWordsUntilAny([",", ")", ":"], "a parameter name");
            FeelType? type = null;
            if (Current.Is(":"))
            {
                _p++;
                type = ReadType(out _);
            }

            AddDynamicName(name);
            parameters.Add((name, type));
        }

        _p++;
        var external = false;
        if (Current.Is("external"))
        {
            external = true;
            _p++;
        }

        return new FunctionDefinitionNode(start, parameters, Expression(), external);
    }

    private Node Disjunction()
    {
        var left = Conjunction();
        while (Current.Is("or"))
        {
            var start = Current.Start;
            _p++;
            left = new OrNode(start, left, Conjunction());
        }

        return left;
    }

    private Node Conjunction()
    {
        var left = Comparison();
        while (Current.Is("and"))
        {
            var start = Current.Start;
            _p++;
            left = new AndNode(start, left, Comparison());
        }

        return left;
    }

    private Node Comparison()
    {
        var left = InstanceOf();
        while (true)
        {
            var t = Current;
            if (t.Kind == TokenKind.Operator && t.Text is "=" or "!=" or "<" or "<=" or ">" or ">=")
            {
                _p++;
                left = new BinaryNode(t.Start, t.Text, left, InstanceOf());
            }
            else if (t.Is("between"))
            {
                _p++;
                var low = InstanceOf();
                ExpectKeyword("and");
                left = new BetweenNode(t.Start, left, low, InstanceOf());
            }
            else if (t.Is("in"))
            {
                _p++;
                left = new InNode(t.Start, left, InTests());
            }
            else
            {
                return left;
            }
        }
    }

    private Node InTests()
    {
        if (Current.Is("("))
        {
            // "x in (1, 2, 3)" lists positive unary tests; "(1..5]" and "(expr)" are single tests.
            var save = _p;
            try
            {
                _p++;
                var tests = PositiveUnaryTests();
                Expect(")", "')'");
                return tests;
            }
            catch (ParseException)
            {
                _p = save;
            }
        }

        // "x in [1..5] and y" is "(x in [1..5]) and y": the test after 'in' binds tighter than and/or.
        var t = Current;
        if (t.Kind == TokenKind.Operator && t.Text is "<" or "<=" or ">" or ">=" or "=" or "!=")
        {
            _p++;
            return new UnaryComparisonNode(t.Start, t.Text, Additive());
        }

        return InstanceOf();
    }

    private Node InstanceOf()
    {
        var left = Additive();
        while (Current.Is("instance") && _tokens[_p + 1].Is("of"))
        {
            var start = Current.Start;
            _p += 2;
            var type = ReadType(out var text);
            left = new InstanceOfNode(start, left, type, text);
        }

        return left;
    }

    private FeelType? ReadType(out string text)
    {
        var first = Current;
        if (first.Kind != TokenKind.Name)
        {
            throw new ParseException(first, "a type name");
        }

        _p++;
        while (Current.Is(".") && _tokens[_p + 1].Kind == TokenKind.Name)
        {
            _p += 2;
        }

        while (Current.Kind == TokenKind.Name && !Keywords.Contains(Current.Text) && Current.Start > _tokens[_p - 1].End)
        {
            _p++;
        }

        if (Current.Is("<"))
        {
            var depth = 0;
            do
            {
                if (Current.Is("<"))
                {
                    depth++;
                }
                else if (Current.Is(">"))
                {
                    depth--;
                }
                else if (Current.Is(">="))
                {
                    throw new ParseException(Current, "'>' closing the type parameters");
                }
                else if (Current.Kind == TokenKind.End)
                {
                    throw new ParseException(Current, "'>' closing the type parameters");
                }

                _p++;
            }
            while (depth > 0);

            if (Current.Is("->"))
            {
                _p++;
                ReadType(out _);
            }
        }

        text = _text[first.Start.._tokens[_p - 1].End];
        var type = FeelType.Parse(text, _options.TypeResolver);
        return type;
    }

    private Node Additive()
    {
        var left = Multiplicative();
        while (Current.Kind == TokenKind.Operator && Current.Text is "+" or "-")
        {
            var t = Current;
            _p++;
            left = new BinaryNode(t.Start, t.Text, left, Multiplicative());
        }

        return left;
    }

    private Node Multiplicative()
    {
        var left = Exponentiation();
        while (Current.Kind == TokenKind.Operator && Current.Text is "*" or "/")
        {
            var t = Current;
            _p++;
            left = new BinaryNode(t.Start, t.Text, left, Exponentiation());
        }

        return left;
    }

    private Node Exponentiation()
    {
        // DMN 1.5 table 46: ** is left associative and binds looser than arithmetic negation.
        var left = Unary();
        while (Current.Is("**"))
        {
            var t = Current;
            _p++;
            left = new BinaryNode(t.Start, "**", left, Unary());
        }

        return left;
    }

    private Node Unary()
    {
        if (Current.Is("-"))
        {
            var start = Current.Start;
            _p++;
            var operand = Unary();
            return operand is NumberNode n ? new NumberNode(start, -n.Value) : new NegateNode(start, operand);
        }

        return Postfix();
    }

    private Node Postfix()
    {
        var node = Primary();
        while (true)
        {
            var t = Current;
            if (t.Is("."))
            {
                _p++;
                if (Current.Kind != TokenKind.Name)
                {
                    throw new ParseException(Current, "a name after '.'");
                }

                node = new PathNode(t.Start, node, ReadName());
            }
            else if (t.Is("[") && _depth != _rangeEndDepth)
            {
                _p++;
                var filter = Expression();
                Expect("]", "']' closing the filter");
                node = new FilterNode(t.Start, node, filter);
            }
            else if (t.Is("("))
            {
                node = Invocation(node);
            }
            else
            {
                return node;
            }
        }
    }

    private InvocationNode Invocation(Node target)
    {
        var start = Current.Start;
        _p++;
        var positional = new List<Node>();
        List<KeyValuePair<string, Node>>? named = null;
        while (!Current.Is(")"))
        {
            if (positional.Count > 0 || named is not null)
            {
                Expect(",", "',' or ')' in the argument list");
            }

            if (IsNamedArgument())
            {
                if (positional.Count > 0)
                {
                    throw new ParseException(Current, "only positional or only named arguments, not both");
                }

                var name = ReadWordsUntilAny([":"], "a parameter name");
                _p++;
                named ??= [];
                named.Add(new(name, Expression()));
            }
            else
            {
                if (named is not null)
                {
                    throw new ParseException(Current, "a named argument (name: value) after named arguments");
                }

                positional.Add(Expression());
            }
        }

        _p++;
        return new InvocationNode(start, target, positional, named);
    }

    private bool IsNamedArgument()
    {
        var i = _p;
        while (_tokens[i].Kind == TokenKind.Name)
        {
            i++;
        }

        return i > _p && _tokens[i].Is(":");
    }

    private Node Primary()
    {
        var t = Current;
        switch (t.Kind)
        {
            case TokenKind.Number:
                _p++;
                return new NumberNode(t.Start, FeelDecimal.TryParse(t.Text) ?? throw new ParseException(t, "a number within the decimal128 range"));
            case TokenKind.String:
                _p++;
                return new StringNode(t.Start, t.Value!);
            case TokenKind.AtString:
                _p++;
                return new AtLiteralNode(t.Start, t.Value!);
            case TokenKind.Error:
                throw new ParseException(t, string.Empty);
            case TokenKind.End:
                throw new ParseException(t, "an expression");
            case TokenKind.Name:
                switch (t.Text)
                {
                    case "true" or "false":
                        _p++;
                        return new BooleanNode(t.Start, t.Text == "true");
                    case "null":
                        _p++;
                        return new NullNode(t.Start);
                    case "if" or "for" or "some" or "every" or "function":
                        return Expression();
                }

                if (Keywords.Contains(t.Text))
                {
                    throw new ParseException(t, "an expression");
                }

                var name = ReadName();
                if (name == "?")
                {
                    UsesInput = true;
                }

                return new NameNode(t.Start, name);
        }

        switch (t.Text)
        {
            case "(":
                {
                    _p++;
                    var inner = Expression();
                    if (Current.Is(".."))
                    {
                        return RangeRest(t.Start, false, inner);
                    }

                    Expect(")", "')'");
                    return inner;
                }

            case "[":
                {
                    _p++;
                    if (Current.Is("]"))
                    {
                        _p++;
                        return new ListNode(t.Start, []);
                    }

                    var first = Expression();
                    if (Current.Is(".."))
                    {
                        return RangeRest(t.Start, true, first);
                    }

                    var items = new List<Node> { first };
                    while (Current.Is(","))
                    {
                        _p++;
                        items.Add(Expression());
                    }

                    Expect("]", "',' or ']' in the list");
                    return new ListNode(t.Start, items);
                }

            case "]":
                {
                    _p++;
                    var low = Expression();
                    if (!Current.Is(".."))
                    {
                        throw new ParseException(Current, "'..' in the range");
                    }

                    return RangeRest(t.Start, false, low);
                }

            case "{":
                return Context();
            case "=" or "!=":
                _p++;
                return new EqualityRangeNode(t.Start, t.Text == "=", Additive());
            case "<" or "<=" or ">" or ">=":
                {
                    // DMN 1.5 rule 8: a unary comparison is also a range literal ("< 10" is (null..10)).
                    _p++;
                    var operand = Additive();
                    return t.Text switch
                    {
                        "<" => new RangeNode(t.Start, false, null, operand, false),
                        "<=" => new RangeNode(t.Start, false, null, operand, true),
                        ">" => new RangeNode(t.Start, false, operand, null, false),
                        _ => new RangeNode(t.Start, true, operand, null, false),
                    };
                }
        }

        throw new ParseException(t, "an expression");
    }

    private RangeNode RangeRest(int start, bool startIncluded, Node low)
    {
        _p++;

        // In "[1..10[" the last '[' closes the range; it is not a filter on 10.
        var outer = _rangeEndDepth;
        _rangeEndDepth = _depth + 1;
        Node high;
        try
        {
            high = Expression();
        }
        finally
        {
            _rangeEndDepth = outer;
        }

        var close = Current;
        if (close.Is("]"))
        {
            _p++;
            return new RangeNode(start, startIncluded, low, high, true);
        }

        if (close.Is(")") || close.Is("["))
        {
            _p++;
            return new RangeNode(start, startIncluded, low, high, false);
        }

        throw new ParseException(close, "']', ')' or '[' closing the range");
    }

    private ContextNode Context()
    {
        var start = Current.Start;
        _p++;
        var entries = new List<KeyValuePair<string, Node>>();
        while (!Current.Is("}"))
        {
            if (entries.Count > 0)
            {
                Expect(",", "',' or '}' in the context");
            }

            string key;
            if (Current.Kind == TokenKind.String)
            {
                key = Current.Value!;
                _p++;
            }
            else
            {
                key = ReadWordsUntilAny([":"], "a context key (a name or a string)");
            }

            Expect(":", "':' after the context key");
            entries.Add(new(key, Expression()));
            AddDynamicName(key);
        }

        _p++;
        return new ContextNode(start, entries);
    }

    /// <summary>Reads a name at the current Name token: a known multi-token name, or words separated by spaces.</summary>
    private string ReadName()
    {
        var t = Current;
        if (_dynamicNames.Count > 0)
        {
            _dynamicMatcher ??= new KnownNames(_dynamicNames);
            var length = _dynamicMatcher.LongestMatch(_text, t.Start);
            if (length > 0)
            {
                var end = t.Start + length;
                for (var i = _p; _tokens[i].Kind != TokenKind.End && _tokens[i].Start < end; i++)
                {
                    if (_tokens[i].End == end)
                    {
                        _p = i + 1;
                        return Lexer.NormalizeSpaces(_text[t.Start..end]);
                    }
                }
            }
        }

        _p++;
        var name = t.Text;

        // Two names in a row are never valid FEEL, so words separated by spaces form one name (rule 27).
        while (Current.Kind == TokenKind.Name && !Keywords.Contains(Current.Text) && Current.Start > _tokens[_p - 1].End)
        {
            name += " " + Current.Text;
            _p++;
        }

        return name;
    }

    private string ReadWordsUntil(string stop, string what) => ReadWordsUntilAny([stop], what);

    private string ReadWordsUntilAny(string[] stops, string what)
    {
        var startIndex = _p;
        while (Current.Kind is TokenKind.Name or TokenKind.Operator or TokenKind.Number)
        {
            if (_p > startIndex && stops.Contains(Current.Text))
            {
                break;
            }

            if (Current.Kind == TokenKind.Operator && Current.Text is "," or "(" or ")" or "{" or "}" or "[" or "]" or ":")
            {
                break;
            }

            _p++;
        }

        if (_p == startIndex)
        {
            throw new ParseException(Current, what);
        }

        return Lexer.NormalizeSpaces(_text[_tokens[startIndex].Start.._tokens[_p - 1].End]);
    }

    private void AddDynamicName(string name)
    {
        if (name.Contains(' ', StringComparison.Ordinal) || name.Any(ch => !Lexer.IsNamePart(ch)))
        {
            _dynamicNames.Add(name);
            _dynamicMatcher = null;
        }
    }

    private void Expect(string text, string expected)
    {
        if (!Current.Is(text))
        {
            throw new ParseException(Current, expected);
        }

        _p++;
    }

    private void ExpectKeyword(string keyword) => Expect(keyword, $"'{keyword}'");

    private void ExpectEnd(string expected)
    {
        if (Current.Kind != TokenKind.End)
        {
            throw new ParseException(Current, expected);
        }
    }
}
