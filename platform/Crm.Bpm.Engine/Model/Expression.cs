namespace Crm.Bpm.Engine.Model;

/// <summary>An expression element (<c>conditionExpression</c>, <c>timeDuration</c>, <c>loopCardinality</c>...) with its language and text (BPMN 2.0.2 §8.3.6).</summary>
/// <remarks>Camunda 8 writes FEEL as <c>=expr</c>; <see cref="IsFeel"/> and <see cref="FeelText"/> read that form.</remarks>
public sealed record Expression : BaseElement
{
    /// <summary>The text content, exactly as in the file.</summary>
    public string Text { get; init; } = "";

    /// <summary>The <c>language</c> URI of a formal expression, or null.</summary>
    public string? Language { get; init; }

    /// <summary>The <c>evaluatesToTypeRef</c> of a formal expression, or null.</summary>
    public string? EvaluatesToTypeRef { get; init; }

    /// <summary>The raw <c>xsi:type</c> value (such as <c>bpmn:tFormalExpression</c>), or null.</summary>
    public string? XsiType { get; init; }

    public override string ElementName => "expression";

    /// <summary>Whether the text is a Camunda 8 FEEL expression (starts with <c>=</c>).</summary>
    public bool IsFeel => Text.AsSpan().TrimStart().StartsWith("=", StringComparison.Ordinal);

    /// <summary>The FEEL text after the leading <c>=</c>, or null when the text is not <c>=expr</c>.</summary>
    public string? FeelText => IsFeel ? Text.TrimStart()[1..] : null;
}
