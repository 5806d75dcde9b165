using Crm.Bpm.Dmn.Evaluation;
using Crm.Bpm.Feel.Values;

namespace Crm.Bpm.Dmn.Types;

/// <summary>The type of an element without a type reference, or FEEL's <c>Any</c>: every value conforms.</summary>
internal sealed class AnyType : DmnType
{
    public static AnyType Instance { get; } = new();

    public override string Name => "Any";

    public override bool IsAny => true;

    public override bool Conforms(FeelValue value, EvaluationFrame frame) => true;
}
