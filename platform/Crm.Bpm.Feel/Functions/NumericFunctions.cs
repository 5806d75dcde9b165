using System.Numerics;
using Crm.Bpm.Feel.Compilation;
using Crm.Bpm.Feel.Numbers;
using Crm.Bpm.Feel.Values;

namespace Crm.Bpm.Feel.Functions;

/// <summary>Numeric functions (DMN 1.5 §10.3.4.5): decimal, floor, ceiling, the round family, abs, modulo, sqrt, log, exp, odd, even.</summary>
internal static class NumericFunctions
{
    public static void Register(Dictionary<string, BuiltinFunction> f)
    {
        BuiltinFunctions.Add(f, "decimal", ["n", "scale"], c => Round(c, (n, s) => n.Round(s, MidpointRounding.ToEven)));
        BuiltinFunctions.Add(f, "floor", ["n"], c => Round(c, (n, _) => n.Floor()));
        BuiltinFunctions.Add(f, "floor", ["n", "scale"], c => Round(c, (n, s) => n.Floor(s)));
        BuiltinFunctions.Add(f, "ceiling", ["n"], c => Round(c, (n, _) => n.Ceiling()));
        BuiltinFunctions.Add(f, "ceiling", ["n", "scale"], c => Round(c, (n, s) => n.Ceiling(s)));
        BuiltinFunctions.Add(f, "round up", ["n", "scale"], c => Round(c, (n, s) => n.RoundUp(s)));
        BuiltinFunctions.Add(f, "round down", ["n", "scale"], c => Round(c, (n, s) => n.Round(s, MidpointRounding.ToZero)));
        BuiltinFunctions.Add(f, "round half up", ["n", "scale"], c => Round(c, (n, s) => n.Round(s, MidpointRounding.AwayFromZero)));
        BuiltinFunctions.Add(f, "round half down", ["n", "scale"], c => Round(c, (n, s) => n.RoundHalfDown(s)));
        BuiltinFunctions.Add(f, "abs", ["n"], Abs);
        BuiltinFunctions.Add(f, "modulo", ["dividend", "divisor"], Modulo);
        BuiltinFunctions.Add(f, "sqrt", ["number"], Sqrt);
        BuiltinFunctions.Add(f, "log", ["number"], Log);
        BuiltinFunctions.Add(f, "exp", ["number"], Exp);
        BuiltinFunctions.Add(f, "odd", ["number"], c => Parity(c, odd: true));
        BuiltinFunctions.Add(f, "even", ["number"], c => Parity(c, odd: false));
    }

    private static FeelValue Round(Call c, Func<FeelDecimal, int, FeelDecimal> round)
    {
        if (!c.Number(0, out var n))
        {
            return c.AnyNull(c.Given) ? FeelValue.Null : c.Fail("expects a number.");
        }

        var scale = 0;
        if (c.Given > 1)
        {
            // TCK 1100: a fractional scale is truncated (decimal(1/3, 2.5) = 0.33).
            if (!c.Number(1, out var scaleNumber) || !scaleNumber.Truncate().TryGetInt32(out scale))
            {
                return c[1].IsNull ? FeelValue.Null : c.Fail("the scale must be a number.");
            }
        }

        // DMN 1.5: the scale lies in [-6111, 6176].
        if (scale is < -6111 or > 6176)
        {
            return c.Fail("the scale must lie between -6111 and 6176.");
        }

        return FeelNumber.Of(round(n, scale));
    }

    private static FeelValue Abs(Call c) => c[0] switch
    {
        FeelNumber n => FeelNumber.Of(n.Value.Abs()),
        FeelDaysTimeDuration d => new FeelDaysTimeDuration(d.TotalNanoseconds < 0 ? -d.TotalNanoseconds : d.TotalNanoseconds),
        FeelYearsMonthsDuration d => new FeelYearsMonthsDuration(Math.Abs(d.TotalMonths)),
        FeelNull => FeelValue.Null,
        _ => c.Fail("expects a number or a duration."),
    };

    private static FeelValue Modulo(Call c)
    {
        if (!c.Number(0, out var dividend) || !c.Number(1, out var divisor))
        {
            return c.AnyNull(2) ? FeelValue.Null : c.Fail("expects two numbers.");
        }

        if (divisor.Sign == 0)
        {
            return c.Fail("the divisor is zero.");
        }

        // DMN 1.5: modulo(a, b) = a - b * floor(a / b); the result has the sign of the divisor.
        var quotient = FeelDecimal.Divide(dividend, divisor);
        if (quotient is null)
        {
            return FeelValue.Null;
        }

        return Arithmetic.Number(c.Context, FeelDecimal.Add(dividend, (divisor * quotient.Value.Floor()).Negate()));
    }

    private static FeelValue Sqrt(Call c)
    {
        if (!c.Number(0, out var n))
        {
            return c.AnyNull(1) ? FeelValue.Null : c.Fail("expects a number.");
        }

        if (n.Sign < 0)
        {
            return c.Fail("the number is negative.");
        }

        return FeelNumber.Of(SquareRoot(n));
    }

    /// <summary>The square root correctly rounded to 34 digits (integer Newton iteration on a scaled coefficient).</summary>
    internal static FeelDecimal SquareRoot(FeelDecimal n)
    {
        if (n.Sign == 0)
        {
            return FeelDecimal.Zero;
        }

        var (c, e) = n.Decompose();
        if ((e & 1) != 0)
        {
            c *= 10;
            e--;
        }

        // Scale so the root has at least 40 digits before rounding.
        var digits = FeelDecimal.Digits(c);
        var shift = Math.Max(0, 80 - digits);
        if ((shift & 1) != 0)
        {
            shift++;
        }

        var scaled = c * FeelDecimal.Pow10(shift);
        var root = IntegerSqrt(scaled);
        var exact = root * root == scaled;
        if (!exact)
        {
            // A sticky digit keeps half-even rounding honest for inexact roots.
            root = (root * 10) + 1;
            return FeelDecimal.FromParts(root, ((e - shift) / 2) - 1);
        }

        return FeelDecimal.FromParts(root, (e - shift) / 2);
    }

    private static BigInteger IntegerSqrt(BigInteger n)
    {
        var x = (BigInteger)Math.Sqrt((double)n);
        if (x.IsZero)
        {
            x = BigInteger.One;
        }

        while (true)
        {
            var y = (x + (n / x)) >> 1;
            if (BigInteger.Abs(y - x) <= 1)
            {
                x = y;
                break;
            }

            x = y;
        }

        while (x * x > n)
        {
            x--;
        }

        while ((x + 1) * (x + 1) <= n)
        {
            x++;
        }

        return x;
    }

    private static FeelValue Log(Call c)
    {
        if (!c.Number(0, out var n))
        {
            return c.AnyNull(1) ? FeelValue.Null : c.Fail("expects a number.");
        }

        return n.Sign > 0 ? FeelNumber.Of(DecimalMath.Ln(n)) : c.Fail("the number must be greater than zero.");
    }

    private static FeelValue Exp(Call c)
    {
        if (!c.Number(0, out var n))
        {
            return c.AnyNull(1) ? FeelValue.Null : c.Fail("expects a number.");
        }

        return DecimalMath.Exp(n) is { } result ? FeelNumber.Of(result) : c.Fail("the result is beyond the FEEL number range.");
    }

    private static FeelValue Parity(Call c, bool odd)
    {
        if (!c.Number(0, out var n))
        {
            return c.AnyNull(1) ? FeelValue.Null : c.Fail("expects a number.");
        }

        if (!n.IsInteger)
        {
            return c.Fail("expects a whole number.");
        }

        var (coefficient, exponent) = n.Decompose();
        var isOdd = exponent == 0 && !coefficient.IsEven;
        return FeelBoolean.Of(isOdd == odd);
    }
}
