namespace Crm.Bpm.Feel.Values;

/// <summary>The FEEL null value: absent data, or the result of an expression that failed (DMN 1.5 §10.3.2.1).</summary>
public sealed class FeelNull : FeelValue
{
    private FeelNull()
    {
    }

    /// <summary>The only null.</summary>
    public static FeelNull Instance { get; } = new();

    /// <inheritdoc />
    public override FeelValueKind Kind => FeelValueKind.Null;

    /// <inheritdoc />
    public override string ToFeelString() => "null";

    /// <inheritdoc />
    public override bool Equals(FeelValue? other) => other is FeelNull;

    /// <inheritdoc />
    public override int GetHashCode() => 0;
}
