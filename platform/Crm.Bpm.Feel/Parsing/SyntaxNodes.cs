using Crm.Bpm.Feel.Numbers;
using Crm.Bpm.Feel.Types;

namespace Crm.Bpm.Feel.Parsing;

/// <summary>A node of the FEEL syntax tree, with its start offset in the source.</summary>
internal abstract record Node(int Start);

internal sealed record NumberNode(int Start, FeelDecimal Value) : Node(Start);

internal sealed record StringNode(int Start, string Value) : Node(Start);

internal sealed record BooleanNode(int Start, bool Value) : Node(Start);

internal sealed record NullNode(int Start) : Node(Start);

internal sealed record AtLiteralNode(int Start, string Text) : Node(Start);

internal sealed record NameNode(int Start, string Name) : Node(Start);

internal sealed record NegateNode(int Start, Node Operand) : Node(Start);

internal sealed record BinaryNode(int Start, string Operator, Node Left, Node Right) : Node(Start);

internal sealed record AndNode(int Start, Node Left, Node Right) : Node(Start);

internal sealed record OrNode(int Start, Node Left, Node Right) : Node(Start);

internal sealed record BetweenNode(int Start, Node Value, Node Low, Node High) : Node(Start);

internal sealed record InNode(int Start, Node Value, Node Tests) : Node(Start);

internal sealed record InstanceOfNode(int Start, Node Value, FeelType? Type, string TypeText) : Node(Start);

internal sealed record IfNode(int Start, Node Condition, Node Then, Node Else) : Node(Start);

internal sealed record Iterator(string Name, Node Domain, Node? RangeEnd);

internal sealed record ForNode(int Start, IReadOnlyList<Iterator> Iterators, Node Body) : Node(Start);

internal sealed record QuantifiedNode(int Start, bool Every, IReadOnlyList<Iterator> Iterators, Node Condition) : Node(Start);

internal sealed record FunctionDefinitionNode(int Start, IReadOnlyList<(string Name, FeelType? Type)> Parameters, Node Body, bool External) : Node(Start);

internal sealed record InvocationNode(int Start, Node Target, IReadOnlyList<Node> Positional, IReadOnlyList<KeyValuePair<string, Node>>? Named) : Node(Start);

internal sealed record PathNode(int Start, Node Target, string Name) : Node(Start);

internal sealed record FilterNode(int Start, Node Target, Node Filter) : Node(Start);

internal sealed record ListNode(int Start, IReadOnlyList<Node> Items) : Node(Start);

internal sealed record ContextNode(int Start, IReadOnlyList<KeyValuePair<string, Node>> Entries) : Node(Start);

internal sealed record RangeNode(int Start, bool StartIncluded, Node? Low, Node? High, bool EndIncluded) : Node(Start);

/// <summary>A range written <c>=e</c> or <c>!=e</c> in expression position.</summary>
internal sealed record EqualityRangeNode(int Start, bool Equal, Node Operand) : Node(Start);

/// <summary>A unary comparison such as <c>&lt; 10</c> (operator is one of &lt; &lt;= &gt; &gt;= = !=).</summary>
internal sealed record UnaryComparisonNode(int Start, string Operator, Node Operand) : Node(Start);

/// <summary>The dash: any input matches.</summary>
internal sealed record AnyNode(int Start) : Node(Start);

/// <summary>A comma-separated disjunction of positive unary tests.</summary>
internal sealed record TestListNode(int Start, IReadOnlyList<Node> Tests) : Node(Start);

/// <summary><c>not(tests)</c> in unary-test position.</summary>
internal sealed record NotTestsNode(int Start, Node Tests) : Node(Start);
