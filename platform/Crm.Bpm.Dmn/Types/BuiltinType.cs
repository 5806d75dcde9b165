using Crm.Bpm.Dmn.Evaluation;
using Crm.Bpm.Feel.Types;
using Crm.Bpm.Feel.Values;

namespace Crm.Bpm.Dmn.Types;

/// <summary>A FEEL type named by a type reference: a built-in such as <c>number</c> or <c>date and time</c>, or a FEEL type expression (DMN 1.5 §10.3.2.9).</summary>
internal sealed class BuiltinType(string name, FeelType feelType) : DmnType
{
    public override string Name { get; } = name;

    /// <summary>The FEEL type that checks and converts values.</summary>
    public FeelType FeelType { get; } = feelType;

    public override bool IsCollection => FeelType.Kind == FeelTypeKind.List;

    public override bool Conforms(FeelValue value, EvaluationFrame frame) => value.IsNull || FeelType.IsInstance(value);

    protected override FeelValue? Convert(FeelValue value) => FeelType.Coerce(value);
}
