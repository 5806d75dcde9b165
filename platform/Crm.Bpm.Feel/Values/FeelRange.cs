namespace Crm.Bpm.Feel.Values;

/// <summary>A FEEL range (interval) with open or closed ends, either of which may be unbounded (DMN 1.5 §10.3.2.7).</summary>
public sealed class FeelRange : FeelValue
{
    public FeelRange(FeelValue? start, bool startIncluded, FeelValue? end, bool endIncluded)
    {
        // DMN 1.5 / TCK 0068, 0072: "< 10" is unbounded below, while "(null..10)" has a null endpoint that compares as null.
        Start = start;
        End = end;
        StartIncluded = Start is not null && startIncluded;
        EndIncluded = End is not null && endIncluded;
    }

    /// <summary>A range written as a unary comparison <c>=e</c> or <c>!=e</c> (DMN 1.5 grammar rule 8): the values equal, or not equal, to <paramref name="value"/>.</summary>
    public static FeelRange Comparison(bool equal, FeelValue value) => new(value, equal, value, equal) { EqualityOperator = equal ? "=" : "!=" };

    /// <summary><c>=</c> or <c>!=</c> for a range written as such a unary comparison; null for an interval.</summary>
    public string? EqualityOperator { get; private init; }

    /// <summary>The lower endpoint; C# null when unbounded below (<c>&lt; 10</c>), FEEL null when written as <c>null</c>.</summary>
    public FeelValue? Start { get; }

    /// <summary>The upper endpoint, or null when unbounded above.</summary>
    public FeelValue? End { get; }

    /// <summary>Whether the lower endpoint belongs to the range.</summary>
    public bool StartIncluded { get; }

    /// <summary>Whether the upper endpoint belongs to the range.</summary>
    public bool EndIncluded { get; }

    /// <inheritdoc />
    public override FeelValueKind Kind => FeelValueKind.Range;

    /// <summary>Whether <paramref name="value"/> lies in the range; null when it cannot be compared with the endpoints.</summary>
    public bool? Contains(FeelValue value)
    {
        if (EqualityOperator is not null)
        {
            var equal = FeelEquals(value, Start!);
            return equal is null ? null : equal == (EqualityOperator == "=");
        }

        if (Start is not null)
        {
            var c = FeelCompare(value, Start);
            if (c is null)
            {
                return null;
            }

            if (c < 0 || (c == 0 && !StartIncluded))
            {
                return false;
            }
        }

        if (End is not null)
        {
            var c = FeelCompare(value, End);
            if (c is null)
            {
                return null;
            }

            if (c > 0 || (c == 0 && !EndIncluded))
            {
                return false;
            }
        }

        return Start is not null || End is not null ? true : null;
    }

    /// <inheritdoc />
    public override string ToFeelString()
    {
        if (EqualityOperator is not null)
        {
            return EqualityOperator + " " + Start!.ToFeelLiteral();
        }

        if (Start is null && End is not null)
        {
            return (EndIncluded ? "<= " : "< ") + End.ToFeelLiteral();
        }

        if (End is null && Start is not null)
        {
            return (StartIncluded ? ">= " : "> ") + Start.ToFeelLiteral();
        }

        return (StartIncluded ? "[" : "(") + (Start?.ToFeelLiteral() ?? "null") + ".." + (End?.ToFeelLiteral() ?? "null") + (EndIncluded ? "]" : ")");
    }

    /// <inheritdoc />
    public override bool Equals(FeelValue? other) =>
        other is FeelRange r && r.EqualityOperator == EqualityOperator && r.StartIncluded == StartIncluded && r.EndIncluded == EndIncluded && Equals(r.Start, Start) && Equals(r.End, End);

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(Start, End, StartIncluded, EndIncluded);
}
