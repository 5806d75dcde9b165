using System.Globalization;
using Crm.Bpm.Feel.Numbers;

namespace Crm.Bpm.Feel.Values;

/// <summary>A FEEL value: null, number, string, boolean, temporal, duration, list, context, range or function.</summary>
/// <remarks>
/// Values are immutable. <see cref="object.Equals(object)"/> is structural (used for distinct values and hashing);
/// the language's own equality, which can be null for values of different types, is <see cref="FeelEquals"/>.
/// </remarks>
public abstract class FeelValue : IEquatable<FeelValue>
{
    private protected FeelValue()
    {
    }

    /// <summary>The FEEL null value.</summary>
    public static FeelNull Null => FeelNull.Instance;

    /// <summary>The data type of this value.</summary>
    public abstract FeelValueKind Kind { get; }

    /// <summary>Whether this is FEEL null.</summary>
    public bool IsNull => Kind == FeelValueKind.Null;

    /// <summary>A FEEL number.</summary>
    public static FeelNumber Number(FeelDecimal value) => FeelNumber.Of(value);

    /// <summary>A FEEL string.</summary>
    public static FeelString String(string value) => new(value);

    /// <summary>A FEEL boolean.</summary>
    public static FeelBoolean Boolean(bool value) => FeelBoolean.Of(value);

    /// <summary>The FEEL value of a .NET value: null, bool, numbers, string, DateOnly, TimeOnly, DateTime, DateTimeOffset, TimeSpan, sequences and string-keyed dictionaries; a <see cref="FeelValue"/> is returned as is.</summary>
    /// <exception cref="ArgumentException">The .NET type has no FEEL counterpart.</exception>
    public static FeelValue From(object? value) => value switch
    {
        null => Null,
        FeelValue feel => feel,
        bool b => FeelBoolean.Of(b),
        string s => new FeelString(s),
        char c => new FeelString(c.ToString()),
        int i => FeelNumber.Of(i),
        long l => FeelNumber.Of(l),
        short s16 => FeelNumber.Of(s16),
        byte u8 => FeelNumber.Of(u8),
        uint u32 => FeelNumber.Of(u32),
        decimal d => FeelNumber.Of(d),
        double dbl => double.IsFinite(dbl) ? FeelNumber.Of(FeelDecimal.FromDouble(dbl)) : Null,
        float f => float.IsFinite(f) ? FeelNumber.Of(FeelDecimal.Parse(f.ToString("R", CultureInfo.InvariantCulture))) : Null,
        FeelDecimal fd => FeelNumber.Of(fd),
        DateOnly date => FeelDate.FromDateOnly(date),
        TimeOnly time => FeelTime.FromTimeOnly(time),
        DateTimeOffset dto => FeelDateTime.FromDateTimeOffset(dto),
        DateTime dt => FeelDateTime.FromDateTime(dt),
        TimeSpan span => FeelDaysTimeDuration.FromTimeSpan(span),
        IEnumerable<KeyValuePair<string, object?>> map => FeelContext.Create(map.Select(e => new KeyValuePair<string, FeelValue>(e.Key, From(e.Value)))),
        IEnumerable<KeyValuePair<string, FeelValue>> feelMap => FeelContext.Create(feelMap),
        System.Collections.IEnumerable sequence => new FeelList(sequence.Cast<object?>().Select(From)),
        _ => throw new ArgumentException($"A {value.GetType().Name} has no FEEL counterpart.", nameof(value)),
    };

    /// <summary>FEEL equality (DMN 1.5 §10.3.2.2): true or false, or null when the values are of types that cannot be compared.</summary>
    /// <remarks>null = null is true and null = anything else is false.</remarks>
    public static bool? FeelEquals(FeelValue left, FeelValue right) => FeelSemantics.AreEqual(left, right);

    /// <summary>FEEL ordering of two values of the same comparable type: negative, zero or positive; null when they are not comparable.</summary>
    public static int? FeelCompare(FeelValue left, FeelValue right) => FeelSemantics.Compare(left, right);

    /// <summary>The text the FEEL <c>string()</c> function gives for this value.</summary>
    public abstract string ToFeelString();

    /// <summary>The value written as FEEL source (strings quoted), for messages and the CLI.</summary>
    public virtual string ToFeelLiteral() => ToFeelString();

    /// <inheritdoc />
    public override string ToString() => ToFeelLiteral();

    /// <inheritdoc />
    public abstract bool Equals(FeelValue? other);

    /// <inheritdoc />
    public override bool Equals(object? obj) => obj is FeelValue other && Equals(other);

    /// <inheritdoc />
    public abstract override int GetHashCode();
}
