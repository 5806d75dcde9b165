using System.Numerics;

namespace Crm.Bpm.Feel.Numbers;

/// <summary>exp and ln to decimal128 precision, computed in 60-digit fixed point (series after range reduction).</summary>
internal static class DecimalMath
{
    private const int Digits = 60;
    private static readonly BigInteger Scale = BigInteger.Pow(10, Digits);
    private static readonly BigInteger Ln2 = Fixed("0.693147180559945309417232121458176568075500134360255254120680");
    private static readonly BigInteger Ln10 = Fixed("2.302585092994045684017991454684364207601101488628772976033328");

    /// <summary>e^x, or null when the result is beyond the decimal128 range.</summary>
    public static FeelDecimal? Exp(FeelDecimal x)
    {
        if (x > 14200)
        {
            return null;
        }

        if (x < -14300)
        {
            return FeelDecimal.Zero;
        }

        var fx = ToFixed(x);

        // x = k ln2 + r with |r| <= ln2 / 2, so the Taylor series of e^r converges fast.
        var k = (int)BigInteger.Divide(fx + (fx.Sign >= 0 ? Ln2 / 2 : -Ln2 / 2), Ln2);
        var r = fx - (k * Ln2);
        var sum = Scale;
        var term = Scale;
        for (var n = 1; n < 200 && !term.IsZero; n++)
        {
            term = term * r / Scale / n;
            sum += term;
        }

        if (k >= 0)
        {
            return FeelDecimal.Add(FeelDecimal.FromParts(sum * BigInteger.Pow(2, k), -Digits), FeelDecimal.Zero);
        }

        // Divide by 2^-k with enough extra digits that the final 34-digit rounding sees the true value.
        var extra = (int)(-k * 0.30103) + 40;
        return FeelDecimal.FromParts(sum * BigInteger.Pow(10, extra) / BigInteger.Pow(2, -k), -Digits - extra);
    }

    /// <summary>The natural logarithm of a positive number.</summary>
    public static FeelDecimal Ln(FeelDecimal x)
    {
        var (c, e) = x.Decompose();

        // x = m × 10^p with m in [1, 10): ln x = ln m + p ln 10.
        var digits = FeelDecimal.Digits(c);
        var p = e + digits - 1;
        var m = c * Scale / BigInteger.Pow(10, digits - 1);

        // m = 2^j × f with f in [0.75, 1.5): ln m = j ln 2 + 2 atanh((f - 1) / (f + 1)).
        var j = 0;
        while (m >= Scale * 3 / 2)
        {
            m /= 2;
            j++;
        }

        var z = (m - Scale) * Scale / (m + Scale);
        var z2 = z * z / Scale;
        var power = z;
        var atanh = BigInteger.Zero;
        for (var n = 1; n < 400 && !power.IsZero; n += 2)
        {
            atanh += power / n;
            power = power * z2 / Scale;
        }

        var result = (2 * atanh) + (j * Ln2) + (p * Ln10);
        return FeelDecimal.FromParts(result, -Digits);
    }

    private static BigInteger Fixed(string text)
    {
        var point = text.IndexOf('.', StringComparison.Ordinal);
        var whole = BigInteger.Parse(text[..point], System.Globalization.CultureInfo.InvariantCulture);
        var fraction = text[(point + 1)..].PadRight(Digits, '0')[..Digits];
        return (whole * Scale) + BigInteger.Parse(fraction, System.Globalization.CultureInfo.InvariantCulture);
    }

    private static BigInteger ToFixed(FeelDecimal value)
    {
        var (c, e) = value.Decompose();
        return e + Digits >= 0 ? c * BigInteger.Pow(10, e + Digits) : c / BigInteger.Pow(10, -(e + Digits));
    }
}
