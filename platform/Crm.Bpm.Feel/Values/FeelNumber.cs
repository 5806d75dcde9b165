using Crm.Bpm.Feel.Numbers;

namespace Crm.Bpm.Feel.Values;

/// <summary>A FEEL number (decimal128 semantics, see <see cref="FeelDecimal"/>).</summary>
public sealed class FeelNumber : FeelValue
{
    private static readonly FeelNumber[] SmallIntegers = Enumerable.Range(-128, 1153).Select(i => new FeelNumber(i)).ToArray();

    private FeelNumber(FeelDecimal value)
    {
        Value = value;
    }

    /// <summary>The number.</summary>
    public FeelDecimal Value { get; }

    /// <inheritdoc />
    public override FeelValueKind Kind => FeelValueKind.Number;

    /// <summary>A number value; small integers are shared instances.</summary>
    public static FeelNumber Of(FeelDecimal value)
    {
        if (value.TryGetDecimal(out var d) && d >= -128 && d <= 1024 && decimal.Truncate(d) == d && d.Scale == 0)
        {
            return SmallIntegers[(int)d + 128];
        }

        return new FeelNumber(value);
    }

    /// <summary>A number value from an integer.</summary>
    public static FeelNumber Of(long value) => value is >= -128 and <= 1024 ? SmallIntegers[value + 128] : new FeelNumber(value);

    /// <summary>A number value from a .NET decimal.</summary>
    public static FeelNumber Of(decimal value) => Of(FeelDecimal.FromDecimal(value));

    /// <inheritdoc />
    public override string ToFeelString() => Value.ToString();

    /// <inheritdoc />
    public override bool Equals(FeelValue? other) => other is FeelNumber n && n.Value.Equals(Value);

    /// <inheritdoc />
    public override int GetHashCode() => Value.GetHashCode();
}
