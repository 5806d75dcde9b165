using Crm.Bpm.Dmn.Drg;
using Crm.Bpm.Dmn.Types;
using Crm.Bpm.Feel.Values;

namespace Crm.Bpm.Dmn.Evaluation;

/// <summary>Applies a declared type to a computed value, turning a non-conforming value into null with a warning.</summary>
internal static class TypeCoercion
{
    /// <summary>The value converted to <paramref name="type"/>, or null with a warning naming <paramref name="what"/> (and <paramref name="name"/>, quoted, when given).</summary>
    /// <remarks>The message is only built when the value does not conform, so the common path allocates nothing.</remarks>
    public static FeelValue Apply(FeelValue value, DmnType type, EvaluationFrame frame, string what, string? name, string? elementId, SourcePosition position = default)
    {
        if (type.IsAny || value.IsNull)
        {
            return value;
        }

        if (type.TryCoerce(value, frame, out var result))
        {
            return result;
        }

        var subject = name is null ? what : $"{what} '{name}'";
        frame.Session.Warn($"{subject}: the value {Describe(value)} does not conform to the type '{type.Name}'; the result is null.", elementId, position);
        return FeelValue.Null;
    }

    public static string Describe(FeelValue value)
    {
        var text = value.ToFeelLiteral();
        return text.Length <= 60 ? text : text[..57] + "...";
    }
}
