namespace Crm.Bpm.Feel.Values;

/// <summary>A FEEL boolean.</summary>
public sealed class FeelBoolean : FeelValue
{
    private FeelBoolean(bool value)
    {
        Value = value;
    }

    /// <summary>FEEL true.</summary>
    public static FeelBoolean True { get; } = new(true);

    /// <summary>FEEL false.</summary>
    public static FeelBoolean False { get; } = new(false);

    /// <summary>The .NET value.</summary>
    public bool Value { get; }

    /// <inheritdoc />
    public override FeelValueKind Kind => FeelValueKind.Boolean;

    /// <summary>The shared instance for <paramref name="value"/>.</summary>
    public static FeelBoolean Of(bool value) => value ? True : False;

    /// <inheritdoc />
    public override string ToFeelString() => Value ? "true" : "false";

    /// <inheritdoc />
    public override bool Equals(FeelValue? other) => other is FeelBoolean b && b.Value == Value;

    /// <inheritdoc />
    public override int GetHashCode() => Value ? 1 : 2;
}
