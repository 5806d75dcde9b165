using Crm.Bpm.Dmn.Evaluation;
using Crm.Bpm.Feel.Values;

namespace Crm.Bpm.Dmn.Types;

/// <summary>A resolved type reference: a FEEL built-in type or an item definition, able to check and convert values.</summary>
internal abstract class DmnType
{
    /// <summary>The type's name as the model writes it.</summary>
    public abstract string Name { get; }

    /// <summary>Whether this type accepts every value (<c>Any</c> or an undeclared type).</summary>
    public virtual bool IsAny => false;

    /// <summary>Whether values of this type are lists.</summary>
    public virtual bool IsCollection => false;

    /// <summary>The element type when this is a collection.</summary>
    public virtual DmnType? ElementType => null;

    /// <summary>Whether <paramref name="value"/> conforms to this type (DMN 1.5 §10.3.2.9.1); null conforms to every type.</summary>
    public abstract bool Conforms(FeelValue value, EvaluationFrame frame);

    /// <summary>
    /// Converts <paramref name="value"/> to this type as DMN 1.5 §10.3.2.9.4 prescribes: a conforming value is kept, a singleton
    /// list becomes its element, an element becomes a singleton list of a collection type; anything else is null.
    /// </summary>
    public bool TryCoerce(FeelValue value, EvaluationFrame frame, out FeelValue result)
    {
        result = value;
        if (value.IsNull || IsAny || Conforms(value, frame))
        {
            return true;
        }

        if (Convert(value) is { } converted && !converted.IsNull)
        {
            result = converted;
            return true;
        }

        if (!IsCollection && FeelInterop.TryList(value, out var items) && items.Count == 1 && Conforms(items[0], frame))
        {
            result = items[0];
            return true;
        }

        if (IsCollection && ElementType is { } element && !FeelInterop.TryList(value, out _) && element.Conforms(value, frame))
        {
            result = FeelInterop.List([value]);
            return true;
        }

        result = FeelValue.Null;
        return false;
    }

    /// <summary>A conversion specific to the type (a FEEL type's own coercion), or null when it has none.</summary>
    protected virtual FeelValue? Convert(FeelValue value) => null;

    public override string ToString() => Name;
}
