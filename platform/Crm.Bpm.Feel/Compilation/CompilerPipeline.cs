using Crm.Bpm.Diagnostics;
using Crm.Bpm.Feel.Evaluation;
using Crm.Bpm.Feel.Functions;
using Crm.Bpm.Feel.Parsing;

namespace Crm.Bpm.Feel.Compilation;

/// <summary>Lexes, parses and compiles FEEL text, turning every syntax error into a positioned diagnostic.</summary>
internal static class CompilerPipeline
{
    private static readonly string[] TypeNames = ["days and time duration", "years and months duration", "date and time"];
    private static readonly KnownNames BuiltinNames = new(BuiltinFunctions.Names.Concat(TypeNames));

    // DMN compiles every expression of a model with one options object: build its name matcher once.
    private static readonly System.Runtime.CompilerServices.ConditionalWeakTable<FeelCompileOptions, KnownNames> NamesByOptions = [];

    public static FeelCompileResult<FeelExpression> CompileExpression(string text, FeelCompileOptions options)
    {
        var parser = new Parser(text, options, NamesFor(options));
        try
        {
            var node = parser.ParseExpression();
            var problem = Check(node, parser);
            if (problem is not null)
            {
                return new FeelCompileResult<FeelExpression>(null, [problem]);
            }

            return new FeelCompileResult<FeelExpression>(new FeelExpression(text, Compiler.Compile(node)), []);
        }
        catch (ParseException ex)
        {
            return new FeelCompileResult<FeelExpression>(null, [ToDiagnostic(ex, parser)]);
        }
        catch (InsufficientExecutionStackException)
        {
            return new FeelCompileResult<FeelExpression>(null, [new Diagnostic(DiagnosticSeverity.Error, FeelWarningCodes.Syntax, "The expression nests too deeply to compile.", Line: 1, Column: 1)]);
        }
    }

    public static FeelCompileResult<FeelUnaryTests> CompileUnaryTests(string text, FeelCompileOptions options)
    {
        var parser = new Parser(text, options, NamesFor(options));
        try
        {
            var node = parser.ParseUnaryTests();
            var problem = Check(node, parser);
            if (problem is not null)
            {
                return new FeelCompileResult<FeelUnaryTests>(null, [problem]);
            }

            return new FeelCompileResult<FeelUnaryTests>(new FeelUnaryTests(text, Compiler.CompileTests(node), node is AnyNode), []);
        }
        catch (ParseException ex)
        {
            return new FeelCompileResult<FeelUnaryTests>(null, [ToDiagnostic(ex, parser)]);
        }
        catch (InsufficientExecutionStackException)
        {
            return new FeelCompileResult<FeelUnaryTests>(null, [new Diagnostic(DiagnosticSeverity.Error, FeelWarningCodes.Syntax, "The unary tests nest too deeply to compile.", Line: 1, Column: 1)]);
        }
    }

    private static KnownNames NamesFor(FeelCompileOptions options) =>
        options.KnownNames.Count == 0
            ? BuiltinNames
            : NamesByOptions.GetValue(options, o => new KnownNames(BuiltinFunctions.Names.Concat(TypeNames).Concat(o.KnownNames)));

    /// <summary>Rejections that the grammar allows but the product does not: external functions (no I/O) and unknown types.</summary>
    private static Diagnostic? Check(Node root, Parser parser)
    {
        Diagnostic? problem = null;
        Walk(root, node =>
        {
            if (problem is not null)
            {
                return;
            }

            switch (node)
            {
                case FunctionDefinitionNode { External: true } f:
                    problem = At(parser, f.Start, "External functions (Java or PMML) are not allowed: FEEL here has no access to the machine. Define the function in FEEL instead.");
                    break;
                case InstanceOfNode { Type: null } i:
                    problem = At(parser, i.Start, $"'{i.TypeText}' is not a known type; use a FEEL type such as number, string, date, list<number> or context<a: number>, or an item definition name.");
                    break;
            }
        });
        return problem;
    }

    private static Diagnostic At(Parser parser, int offset, string message)
    {
        var (line, column) = parser.Lexer.Position(offset);
        return new Diagnostic(DiagnosticSeverity.Error, FeelWarningCodes.Syntax, message, Line: line, Column: column);
    }

    private static void Walk(Node node, Action<Node> visit)
    {
        visit(node);
        foreach (var child in Children(node))
        {
            Walk(child, visit);
        }
    }

    private static IEnumerable<Node> Children(Node node) => node switch
    {
        NegateNode n => [n.Operand],
        BinaryNode b => [b.Left, b.Right],
        AndNode a => [a.Left, a.Right],
        OrNode o => [o.Left, o.Right],
        BetweenNode b => [b.Value, b.Low, b.High],
        InNode i => [i.Value, i.Tests],
        InstanceOfNode i => [i.Value],
        IfNode i => [i.Condition, i.Then, i.Else],
        ForNode f => f.Iterators.SelectMany(it => it.RangeEnd is null ? [it.Domain] : new[] { it.Domain, it.RangeEnd }).Append(f.Body),
        QuantifiedNode q => q.Iterators.Select(it => it.Domain).Append(q.Condition),
        FunctionDefinitionNode f => [f.Body],
        InvocationNode c => c.Positional.Prepend(c.Target).Concat(c.Named?.Select(a => a.Value) ?? []),
        PathNode p => [p.Target],
        FilterNode f => [f.Target, f.Filter],
        ListNode l => l.Items,
        ContextNode c => c.Entries.Select(e => e.Value),
        RangeNode r => new[] { r.Low, r.High }.OfType<Node>(),
        EqualityRangeNode e => [e.Operand],
        UnaryComparisonNode u => [u.Operand],
        TestListNode t => t.Tests,
        NotTestsNode n => [n.Tests],
        _ => [],
    };

    private static Diagnostic ToDiagnostic(ParseException ex, Parser parser)
    {
        var found = ex.Found;
        string message;
        if (found.Kind == TokenKind.Error)
        {
            message = $"Found {found.Value ?? "an unexpected character"} ('{found.Text}').";
        }
        else if (found.Kind == TokenKind.End)
        {
            message = $"The text ends too early; expected {ex.Message}.";
        }
        else
        {
            message = $"Unexpected {found.Describe()}; expected {ex.Message}.";
        }

        return new Diagnostic(DiagnosticSeverity.Error, FeelWarningCodes.Syntax, message, Line: found.Line, Column: found.Column);
    }
}
