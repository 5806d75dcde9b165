using Crm.Bpm.Dmn.Evaluation;
using Crm.Bpm.Feel.Values;

namespace Crm.Bpm.Dmn.Types;

/// <summary>An item definition resolved for evaluation: base type or components, allowed values, and collection-ness (DMN 1.5 §7.3.2).</summary>
internal sealed class ItemDefinitionType(string name) : DmnType
{
    public override string Name { get; } = name;

    /// <summary>The base type, for a simple (non-structured) definition.</summary>
    public DmnType? BaseType { get; set; }

    /// <summary>The named components of a structured definition, in order.</summary>
    public IReadOnlyList<KeyValuePair<string, DmnType>> Components { get; set; } = [];

    /// <summary>Whether this is a function type (<c>functionItem</c>).</summary>
    public bool IsFunction { get; set; }

    /// <summary>The allowed values test, applied to each non-null value (each element for a collection).</summary>
    public CompiledUnaryTests? AllowedValues { get; set; }

    /// <summary>The type constraint test (DMN 1.5), applied like the allowed values.</summary>
    public CompiledUnaryTests? TypeConstraint { get; set; }

    public bool Collection { get; set; }

    public override bool IsCollection => Collection;

    /// <summary>The type of one element: this definition without its collection flag.</summary>
    public override DmnType? ElementType => Collection ? new ElementView(this) : null;

    public override bool Conforms(FeelValue value, EvaluationFrame frame)
    {
        if (value.IsNull)
        {
            return true;
        }

        if (!Collection)
        {
            return ConformsAsElement(value, frame);
        }

        if (!FeelInterop.TryList(value, out var items))
        {
            return false;
        }

        foreach (var item in items)
        {
            if (!ConformsAsElement(item, frame))
            {
                return false;
            }
        }

        return true;
    }

    internal bool ConformsAsElement(FeelValue value, EvaluationFrame frame)
    {
        if (value.IsNull)
        {
            return true;
        }

        if (IsFunction)
        {
            return FeelInterop.IsFunction(value);
        }

        if (Components.Count > 0)
        {
            if (!FeelInterop.TryContext(value, out _))
            {
                return false;
            }

            foreach (var (componentName, componentType) in Components)
            {
                // A structure needs every component; extra entries are allowed (a context type with more entries is a subtype).
                if (!FeelInterop.TryGetEntry(value, componentName, out var entry) || !componentType.Conforms(entry, frame))
                {
                    return false;
                }
            }
        }
        else if (BaseType is not null && !BaseType.Conforms(value, frame))
        {
            return false;
        }

        return Allowed(AllowedValues, value, frame) && Allowed(TypeConstraint, value, frame);
    }

    private static bool Allowed(CompiledUnaryTests? tests, FeelValue value, EvaluationFrame frame) =>
        tests is null || tests.Matches(value, frame) == true;

    /// <summary>The element type of a collection definition.</summary>
    private sealed class ElementView(ItemDefinitionType owner) : DmnType
    {
        public override string Name => owner.Name;

        public override bool Conforms(FeelValue value, EvaluationFrame frame) => owner.ConformsAsElement(value, frame);
    }
}
