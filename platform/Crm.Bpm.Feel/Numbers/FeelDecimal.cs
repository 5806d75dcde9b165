using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using System.Numerics;
using System.Text;

namespace Crm.Bpm.Feel.Numbers;

/// <summary>A FEEL number: a decimal with 34 significant digits, rounded half-even, as IEEE 754 decimal128.</summary>
/// <remarks>
/// DMN 1.5 §10.3.2.3.1: FEEL numbers follow decimal128 semantics. Most values fit a .NET <see cref="decimal"/>
/// exactly, so those are held and computed as <see cref="decimal"/> (the fast path); any operation whose exact result
/// could need more than the 96-bit mantissa goes through a <see cref="BigInteger"/> coefficient and a base-10 exponent,
/// rounded to 34 digits. The two forms are canonical: a value exactly representable as <see cref="decimal"/> is
/// always held as one, so equality never depends on the path taken.
/// </remarks>
public readonly struct FeelDecimal : IEquatable<FeelDecimal>, IComparable<FeelDecimal>, IComparable
{
    /// <summary>The number of significant digits kept (decimal128).</summary>
    public const int Precision = 34;

    /// <summary>The largest adjusted exponent of decimal128; larger results are out of range.</summary>
    public const int MaxExponent = 6144;

    /// <summary>The smallest adjusted exponent of decimal128; smaller results underflow to zero.</summary>
    public const int MinExponent = -6143;

    private static readonly BigInteger DecimalMantissaLimit = (BigInteger.One << 96) - 1;
    private static readonly BigInteger[] PowersOfTen = BuildPowers(80);

    private readonly decimal _small;
    private readonly BigForm? _big;

    private FeelDecimal(decimal small)
    {
        _small = small;
        _big = null;
    }

    private FeelDecimal(BigForm big)
    {
        _small = 0m;
        _big = big;
    }

    /// <summary>Zero.</summary>
    public static FeelDecimal Zero => default;

    /// <summary>One.</summary>
    public static FeelDecimal One => new(1m);

    /// <summary>Whether the value is held as a .NET decimal (the fast path).</summary>
    public bool IsSmall => _big is null;

    /// <summary>The sign: -1, 0 or 1.</summary>
    public int Sign => _big is null ? Math.Sign(_small) : _big.Coefficient.Sign;

    /// <summary>Whether the value has no fractional part.</summary>
    public bool IsInteger
    {
        get
        {
            if (_big is null)
            {
                return decimal.Truncate(_small) == _small;
            }

            var (c, e) = Stripped(_big.Coefficient, _big.Exponent);
            return e >= 0 || c.IsZero;
        }
    }

    /// <summary>Converts a .NET decimal exactly.</summary>
    public static FeelDecimal FromDecimal(decimal value) => new(value);

    /// <summary>Converts an integer exactly.</summary>
    public static FeelDecimal FromInt64(long value) => new(value);

    /// <summary>Converts a double through its shortest round-trip decimal text (so 0.1 becomes exactly 0.1).</summary>
    public static FeelDecimal FromDouble(double value)
    {
        if (double.IsNaN(value) || double.IsInfinity(value))
        {
            throw new ArgumentOutOfRangeException(nameof(value), value, "FEEL numbers have no NaN or infinity.");
        }

        return Parse(value.ToString("R", CultureInfo.InvariantCulture));
    }

    /// <summary>Builds coefficient × 10^exponent, rounded to 34 digits.</summary>
    public static FeelDecimal FromParts(BigInteger coefficient, int exponent) => Normalize(coefficient, exponent) ?? throw new OverflowException("The number is outside the decimal128 range.");

    /// <summary>Parses a decimal text such as <c>-12.50</c> or <c>1.2e-3</c>; null when it is not a number or out of range.</summary>
    public static FeelDecimal? TryParse(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        var s = text.AsSpan().Trim();
        var i = 0;
        var negative = false;
        if (i < s.Length && (s[i] == '-' || s[i] == '+'))
        {
            negative = s[i] == '-';
            i++;
        }

        var digits = new StringBuilder();
        var fractionDigits = 0;
        var seenDigit = false;
        var seenPoint = false;
        for (; i < s.Length; i++)
        {
            var ch = s[i];
            if (ch is >= '0' and <= '9')
            {
                digits.Append(ch);
                seenDigit = true;
                if (seenPoint)
                {
                    fractionDigits++;
                }
            }
            else if (ch == '.' && !seenPoint)
            {
                seenPoint = true;
            }
            else
            {
                break;
            }
        }

        if (!seenDigit)
        {
            return null;
        }

        long exponent = 0;
        if (i < s.Length && (s[i] == 'e' || s[i] == 'E'))
        {
            i++;
            var expNegative = false;
            if (i < s.Length && (s[i] == '-' || s[i] == '+'))
            {
                expNegative = s[i] == '-';
                i++;
            }

            var expStart = i;
            for (; i < s.Length && s[i] is >= '0' and <= '9'; i++)
            {
                exponent = Math.Min(exponent * 10 + (s[i] - '0'), 100_000);
            }

            if (i == expStart)
            {
                return null;
            }

            if (expNegative)
            {
                exponent = -exponent;
            }
        }

        if (i != s.Length)
        {
            return null;
        }

        var coefficient = BigInteger.Parse(digits.ToString(), NumberStyles.None, CultureInfo.InvariantCulture);
        if (negative)
        {
            coefficient = -coefficient;
        }

        return Normalize(coefficient, (int)(exponent - fractionDigits));
    }

    /// <summary>Parses a decimal text.</summary>
    /// <exception cref="FormatException">The text is not a decimal number.</exception>
    public static FeelDecimal Parse(string text) => TryParse(text) ?? throw new FormatException($"'{text}' is not a FEEL number.");

    /// <summary>The value as a .NET decimal, when it fits exactly.</summary>
    public bool TryGetDecimal(out decimal value)
    {
        value = _small;
        return _big is null;
    }

    /// <summary>The value as a .NET decimal, rounded when it has more digits than a decimal holds.</summary>
    /// <exception cref="OverflowException">The value is beyond the decimal range.</exception>
    public decimal ToDecimal()
    {
        if (_big is null)
        {
            return _small;
        }

        return decimal.Parse(ToString("E", CultureInfo.InvariantCulture), NumberStyles.Float, CultureInfo.InvariantCulture);
    }

    /// <summary>The nearest double.</summary>
    public double ToDouble() => _big is null ? (double)_small : double.Parse(ToScientificString(), CultureInfo.InvariantCulture);

    /// <summary>The value as an integer when it is one and fits.</summary>
    public bool TryGetInt32(out int value)
    {
        value = 0;
        if (_big is not null || decimal.Truncate(_small) != _small || _small > int.MaxValue || _small < int.MinValue)
        {
            return false;
        }

        value = (int)_small;
        return true;
    }

    /// <summary>The value as a long integer when it is one and fits.</summary>
    public bool TryGetInt64(out long value)
    {
        value = 0;
        if (_big is null)
        {
            if (decimal.Truncate(_small) != _small || _small > long.MaxValue || _small < long.MinValue)
            {
                return false;
            }

            value = (long)_small;
            return true;
        }

        var (c, e) = Stripped(_big.Coefficient, _big.Exponent);
        if (e < 0 || e > 18)
        {
            return false;
        }

        var whole = c * Pow10(e);
        if (whole > long.MaxValue || whole < long.MinValue)
        {
            return false;
        }

        value = (long)whole;
        return true;
    }

    /// <summary>The coefficient and exponent with trailing zeros removed (value = coefficient × 10^exponent).</summary>
    public (BigInteger Coefficient, int Exponent) Decompose()
    {
        var (c, e) = Parts();
        return Stripped(c, e);
    }

    public static FeelDecimal operator +(FeelDecimal a, FeelDecimal b) => Add(a, b) ?? throw new OverflowException();

    public static FeelDecimal operator -(FeelDecimal a, FeelDecimal b) => Add(a, b.Negate()) ?? throw new OverflowException();

    public static FeelDecimal operator *(FeelDecimal a, FeelDecimal b) => Multiply(a, b) ?? throw new OverflowException();

    public static FeelDecimal operator /(FeelDecimal a, FeelDecimal b) => Divide(a, b) ?? throw new DivideByZeroException();

    public static FeelDecimal operator -(FeelDecimal a) => a.Negate();

    public static bool operator ==(FeelDecimal a, FeelDecimal b) => a.Equals(b);

    public static bool operator !=(FeelDecimal a, FeelDecimal b) => !a.Equals(b);

    public static bool operator <(FeelDecimal a, FeelDecimal b) => a.CompareTo(b) < 0;

    public static bool operator >(FeelDecimal a, FeelDecimal b) => a.CompareTo(b) > 0;

    public static bool operator <=(FeelDecimal a, FeelDecimal b) => a.CompareTo(b) <= 0;

    public static bool operator >=(FeelDecimal a, FeelDecimal b) => a.CompareTo(b) >= 0;

    public static implicit operator FeelDecimal(int value) => new(value);

    public static implicit operator FeelDecimal(long value) => new(value);

    public static implicit operator FeelDecimal(decimal value) => new(value);

    /// <summary>The negated value.</summary>
    public FeelDecimal Negate() => _big is null ? new FeelDecimal(-_small) : new FeelDecimal(new BigForm(-_big.Coefficient, _big.Exponent));

    /// <summary>The absolute value.</summary>
    public FeelDecimal Abs() => Sign < 0 ? Negate() : this;

    /// <summary>The sum; null when out of range.</summary>
    public static FeelDecimal? Add(FeelDecimal a, FeelDecimal b)
    {
        if (a._big is null && b._big is null && FitsAddition(a._small, b._small))
        {
            return new FeelDecimal(a._small + b._small);
        }

        var (ca, ea) = a.Parts();
        var (cb, eb) = b.Parts();
        if (ca.IsZero)
        {
            return Normalize(cb, Math.Min(ea, eb));
        }

        if (cb.IsZero)
        {
            return Normalize(ca, Math.Min(ea, eb));
        }

        // A far smaller addend cannot change the 34-digit rounding of the larger one (it is below half an ulp), so
        // keep just a sticky digit instead of aligning to a huge exponent.
        var topA = ea + Digits(ca);
        var topB = eb + Digits(cb);
        if (topA - Precision - 3 > topB)
        {
            (cb, eb) = (cb.Sign, topA - Precision - 3);
        }
        else if (topB - Precision - 3 > topA)
        {
            (ca, ea) = (ca.Sign, topB - Precision - 3);
        }

        var e = Math.Min(ea, eb);
        var sum = ca * Pow10(ea - e) + cb * Pow10(eb - e);
        return Normalize(sum, e);
    }

    /// <summary>The product; null when out of range.</summary>
    public static FeelDecimal? Multiply(FeelDecimal a, FeelDecimal b)
    {
        if (a._big is null && b._big is null && FitsMultiplication(a._small, b._small))
        {
            return new FeelDecimal(a._small * b._small);
        }

        var (ca, ea) = a.Parts();
        var (cb, eb) = b.Parts();
        return Normalize(ca * cb, ea + eb);
    }

    /// <summary>The quotient rounded to 34 digits; null when dividing by zero or out of range.</summary>
    public static FeelDecimal? Divide(FeelDecimal a, FeelDecimal b)
    {
        if (b.Sign == 0)
        {
            return null;
        }

        var (ca, ea) = a.Parts();
        var (cb, eb) = b.Parts();
        if (ca.IsZero)
        {
            return Zero;
        }

        // Scale the dividend so the integer quotient has at least Precision + 1 digits, then round with a sticky
        // remainder (decimal128 division, round half even).
        var shift = Math.Max(0, Precision + 2 + Digits(cb) - Digits(ca));
        var numerator = ca * Pow10(shift);
        var quotient = BigInteger.DivRem(numerator, cb, out var remainder);
        var exponent = ea - eb - shift;
        if (!remainder.IsZero)
        {
            // Append a sticky digit so rounding knows the true value lies strictly between two candidates.
            quotient = quotient * 10 + (quotient.Sign >= 0 && numerator.Sign * cb.Sign >= 0 ? 1 : -1);
            exponent--;
        }

        var (c, e) = Stripped(quotient, exponent);
        var preferred = ea - eb;
        if (e > preferred && c.IsZero is false && remainder.IsZero)
        {
            c *= Pow10(e - preferred);
            e = preferred;
        }

        return Normalize(c, e);
    }

    /// <summary>Rounds to <paramref name="scale"/> digits after the point with the given mode; scale may be negative.</summary>
    public FeelDecimal Round(int scale, MidpointRounding mode)
    {
        var (c, e) = Parts();
        if (e >= -scale)
        {
            return this;
        }

        var drop = -scale - e;
        BigInteger kept;
        if (drop > Digits(c) + 1)
        {
            kept = RoundDigits(BigInteger.Zero, mode, c.Sign, isHalf: false, isAboveHalf: false, hasRemainder: !c.IsZero);
        }
        else
        {
            var divisor = Pow10(drop);
            var q = BigInteger.DivRem(BigInteger.Abs(c), divisor, out var r);
            var twice = r * 2;
            kept = RoundDigits(q, mode, c.Sign, twice == divisor, twice > divisor, !r.IsZero);
        }

        if (c.Sign < 0)
        {
            kept = -kept;
        }

        return Normalize(kept, -scale) ?? this;
    }

    /// <summary>The largest integer (at the given scale) not greater than this value.</summary>
    public FeelDecimal Floor(int scale = 0) => Round(scale, MidpointRounding.ToNegativeInfinity);

    /// <summary>The smallest integer (at the given scale) not less than this value.</summary>
    public FeelDecimal Ceiling(int scale = 0) => Round(scale, MidpointRounding.ToPositiveInfinity);

    /// <summary>The integer part, towards zero.</summary>
    public FeelDecimal Truncate() => Round(0, MidpointRounding.ToZero);

    /// <inheritdoc />
    public bool Equals(FeelDecimal other)
    {
        if (_big is null && other._big is null)
        {
            return _small == other._small;
        }

        return CompareTo(other) == 0;
    }

    /// <inheritdoc />
    public override bool Equals([NotNullWhen(true)] object? obj) => obj is FeelDecimal other && Equals(other);

    /// <inheritdoc />
    public override int GetHashCode()
    {
        if (_big is null)
        {
            return _small.GetHashCode();
        }

        var (c, e) = Stripped(_big.Coefficient, _big.Exponent);
        return HashCode.Combine(c, e);
    }

    /// <inheritdoc />
    public int CompareTo(FeelDecimal other)
    {
        if (_big is null && other._big is null)
        {
            return _small.CompareTo(other._small);
        }

        var signA = Sign;
        var signB = other.Sign;
        if (signA != signB)
        {
            return signA.CompareTo(signB);
        }

        if (signA == 0)
        {
            return 0;
        }

        var (ca, ea) = Parts();
        var (cb, eb) = other.Parts();
        var topA = ea + Digits(ca);
        var topB = eb + Digits(cb);
        if (topA != topB)
        {
            return signA > 0 ? topA.CompareTo(topB) : topB.CompareTo(topA);
        }

        var e = Math.Min(ea, eb);
        return (ca * Pow10(ea - e)).CompareTo(cb * Pow10(eb - e));
    }

    /// <inheritdoc />
    public int CompareTo(object? obj) => obj is FeelDecimal other ? CompareTo(other) : 1;

    /// <summary>The FEEL text of the number: plain digits without trailing zeros (<c>2.5</c>, <c>-0.001</c>, <c>1000</c>).</summary>
    public override string ToString() => ToString(null, CultureInfo.InvariantCulture);

    /// <summary>"E" gives scientific notation; anything else the plain FEEL text.</summary>
    public string ToString(string? format, IFormatProvider? provider)
    {
        if (format == "E")
        {
            return ToScientificString();
        }

        var (c, e) = Decompose();
        if (c.IsZero)
        {
            return "0";
        }

        var digits = BigInteger.Abs(c).ToString(CultureInfo.InvariantCulture);
        var sign = c.Sign < 0 ? "-" : string.Empty;
        if (e >= 0)
        {
            if (e > 50)
            {
                return ToScientificString();
            }

            return sign + digits + new string('0', e);
        }

        var point = digits.Length + e;
        if (point > 0)
        {
            return sign + digits[..point] + "." + digits[point..];
        }

        if (point < -50)
        {
            return ToScientificString();
        }

        return sign + "0." + new string('0', -point) + digits;
    }

    private string ToScientificString()
    {
        var (c, e) = Decompose();
        if (c.IsZero)
        {
            return "0";
        }

        var digits = BigInteger.Abs(c).ToString(CultureInfo.InvariantCulture);
        var sign = c.Sign < 0 ? "-" : string.Empty;
        var adjusted = e + digits.Length - 1;
        var mantissa = digits.Length == 1 ? digits : digits[..1] + "." + digits[1..];
        return string.Create(CultureInfo.InvariantCulture, $"{sign}{mantissa}E{adjusted}");
    }

    private (BigInteger Coefficient, int Exponent) Parts()
    {
        if (_big is not null)
        {
            return (_big.Coefficient, _big.Exponent);
        }

        Span<int> bits = stackalloc int[4];
        decimal.GetBits(_small, bits);
        var mantissa = ((BigInteger)(uint)bits[2] << 64) | ((BigInteger)(uint)bits[1] << 32) | (uint)bits[0];
        var scale = (bits[3] >> 16) & 0xFF;
        if (bits[3] < 0)
        {
            mantissa = -mantissa;
        }

        return (mantissa, -scale);
    }

    private static bool FitsAddition(decimal a, decimal b)
    {
        // Exact when both mantissas are below 2^64 and the scales differ by at most 9: the aligned sum stays below 2^96.
        Span<int> x = stackalloc int[4];
        Span<int> y = stackalloc int[4];
        decimal.GetBits(a, x);
        decimal.GetBits(b, y);
        if (x[2] != 0 || y[2] != 0)
        {
            return false;
        }

        var sa = (x[3] >> 16) & 0xFF;
        var sb = (y[3] >> 16) & 0xFF;
        return Math.Abs(sa - sb) <= 9;
    }

    private static bool FitsMultiplication(decimal a, decimal b)
    {
        // Exact when both mantissas are below 2^48 (product below 2^96) and the scales add up to at most 28.
        Span<int> x = stackalloc int[4];
        Span<int> y = stackalloc int[4];
        decimal.GetBits(a, x);
        decimal.GetBits(b, y);
        if (x[2] != 0 || y[2] != 0 || (uint)x[1] >= 1u << 16 || (uint)y[1] >= 1u << 16)
        {
            return false;
        }

        var sa = (x[3] >> 16) & 0xFF;
        var sb = (y[3] >> 16) & 0xFF;
        return sa + sb <= 28;
    }

    /// <summary>Rounds to 34 digits half-even and picks the canonical form; null when out of range.</summary>
    private static FeelDecimal? Normalize(BigInteger coefficient, int exponent)
    {
        if (coefficient.IsZero)
        {
            return Zero;
        }

        var digits = Digits(coefficient);
        if (digits > Precision)
        {
            var drop = digits - Precision;
            var divisor = Pow10(drop);
            var q = BigInteger.DivRem(BigInteger.Abs(coefficient), divisor, out var r);
            var twice = r * 2;
            q = RoundDigits(q, MidpointRounding.ToEven, coefficient.Sign, twice == divisor, twice > divisor, !r.IsZero);
            coefficient = coefficient.Sign < 0 ? -q : q;
            exponent += drop;
            if (Digits(coefficient) > Precision)
            {
                coefficient /= 10;
                exponent++;
            }
        }

        var adjusted = exponent + Digits(coefficient) - 1;
        if (adjusted > MaxExponent)
        {
            return null;
        }

        if (adjusted < MinExponent - Precision)
        {
            return Zero;
        }

        if (TrySmall(coefficient, exponent, out var small))
        {
            return new FeelDecimal(small);
        }

        // Trailing zeros may still bring the value within decimal's reach (scale at most 28, 96-bit mantissa).
        var (c, e) = Stripped(coefficient, exponent);
        if (TrySmall(c, e, out small))
        {
            return new FeelDecimal(small);
        }

        return new FeelDecimal(new BigForm(coefficient, exponent));
    }

    private static bool TrySmall(BigInteger coefficient, int exponent, out decimal value)
    {
        value = 0m;
        if (exponent > 0)
        {
            if (exponent > 29)
            {
                return false;
            }

            coefficient *= Pow10(exponent);
            exponent = 0;
        }

        if (exponent < -28 || BigInteger.Abs(coefficient) > DecimalMantissaLimit)
        {
            return false;
        }

        value = ToDecimal(coefficient, -exponent);
        return true;
    }

    private static decimal ToDecimal(BigInteger coefficient, int scale)
    {
        var negative = coefficient.Sign < 0;
        var magnitude = BigInteger.Abs(coefficient);
        var lo = (int)(uint)(magnitude & uint.MaxValue);
        var mid = (int)(uint)((magnitude >> 32) & uint.MaxValue);
        var hi = (int)(uint)((magnitude >> 64) & uint.MaxValue);
        return new decimal(lo, mid, hi, negative, (byte)scale);
    }

    private static BigInteger RoundDigits(BigInteger magnitudeQuotient, MidpointRounding mode, int valueSign, bool isHalf, bool isAboveHalf, bool hasRemainder)
    {
        if (!hasRemainder)
        {
            return magnitudeQuotient;
        }

        var up = mode switch
        {
            MidpointRounding.ToEven => isAboveHalf || (isHalf && !magnitudeQuotient.IsEven),
            MidpointRounding.AwayFromZero => isAboveHalf || isHalf,
            MidpointRounding.ToZero => false,
            MidpointRounding.ToPositiveInfinity => valueSign > 0,
            MidpointRounding.ToNegativeInfinity => valueSign < 0,
            _ => false,
        };
        return up ? magnitudeQuotient + 1 : magnitudeQuotient;
    }

    /// <summary>Rounds half towards zero (FEEL <c>round half down</c>).</summary>
    public FeelDecimal RoundHalfDown(int scale)
    {
        var (c, e) = Parts();
        if (e >= -scale)
        {
            return this;
        }

        var drop = -scale - e;
        if (drop > Digits(c) + 1)
        {
            return Zero;
        }

        var divisor = Pow10(drop);
        var q = BigInteger.DivRem(BigInteger.Abs(c), divisor, out var r);
        if (r * 2 > divisor)
        {
            q += 1;
        }

        return Normalize(c.Sign < 0 ? -q : q, -scale) ?? this;
    }

    /// <summary>Rounds away from zero whenever digits are dropped (FEEL <c>round up</c>).</summary>
    public FeelDecimal RoundUp(int scale)
    {
        var (c, e) = Parts();
        if (e >= -scale)
        {
            return this;
        }

        var drop = -scale - e;
        BigInteger q;
        if (drop > Digits(c) + 1)
        {
            q = c.IsZero ? BigInteger.Zero : BigInteger.One;
        }
        else
        {
            q = BigInteger.DivRem(BigInteger.Abs(c), Pow10(drop), out var r);
            if (!r.IsZero)
            {
                q += 1;
            }
        }

        return Normalize(c.Sign < 0 ? -q : q, -scale) ?? this;
    }

    internal static int Digits(BigInteger value)
    {
        if (value.IsZero)
        {
            return 1;
        }

        var magnitude = BigInteger.Abs(value);
        var estimate = (int)Math.Floor(BigInteger.Log10(magnitude)) + 1;
        // Log10 can be off by one near powers of ten; correct it exactly.
        if (estimate > 1 && magnitude < Pow10(estimate - 1))
        {
            estimate--;
        }
        else if (magnitude >= Pow10(estimate))
        {
            estimate++;
        }

        return estimate;
    }

    internal static BigInteger Pow10(int exponent) =>
        exponent < PowersOfTen.Length ? PowersOfTen[exponent] : BigInteger.Pow(10, exponent);

    private static (BigInteger Coefficient, int Exponent) Stripped(BigInteger c, int e)
    {
        if (c.IsZero)
        {
            return (BigInteger.Zero, 0);
        }

        while (true)
        {
            var q = BigInteger.DivRem(c, 10, out var r);
            if (!r.IsZero)
            {
                return (c, e);
            }

            c = q;
            e++;
        }
    }

    private static BigInteger[] BuildPowers(int count)
    {
        var powers = new BigInteger[count];
        powers[0] = BigInteger.One;
        for (var i = 1; i < count; i++)
        {
            powers[i] = powers[i - 1] * 10;
        }

        return powers;
    }

    /// <summary>A value that does not fit <see cref="decimal"/>: coefficient × 10^exponent with at most 34 digits.</summary>
    private sealed record BigForm(BigInteger Coefficient, int Exponent);
}
