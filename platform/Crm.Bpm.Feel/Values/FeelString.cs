using System.Text;

namespace Crm.Bpm.Feel.Values;

/// <summary>A FEEL string: a sequence of Unicode characters, compared ordinally.</summary>
public sealed class FeelString : FeelValue
{
    public FeelString(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        Value = value;
    }

    /// <summary>The text.</summary>
    public string Value { get; }

    /// <inheritdoc />
    public override FeelValueKind Kind => FeelValueKind.String;

    /// <inheritdoc />
    public override string ToFeelString() => Value;

    /// <inheritdoc />
    public override string ToFeelLiteral()
    {
        var text = new StringBuilder(Value.Length + 2).Append('"');
        foreach (var ch in Value)
        {
            text.Append(ch switch
            {
                '"' => "\\\"",
                '\\' => "\\\\",
                '\n' => "\\n",
                '\r' => "\\r",
                '\t' => "\\t",
                _ => ch.ToString(),
            });
        }

        return text.Append('"').ToString();
    }

    /// <inheritdoc />
    public override bool Equals(FeelValue? other) => other is FeelString s && string.Equals(s.Value, Value, StringComparison.Ordinal);

    /// <inheritdoc />
    public override int GetHashCode() => StringComparer.Ordinal.GetHashCode(Value);
}
