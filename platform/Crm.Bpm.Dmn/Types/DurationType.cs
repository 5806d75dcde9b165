using Crm.Bpm.Dmn.Evaluation;
using Crm.Bpm.Feel.Values;

namespace Crm.Bpm.Dmn.Types;

/// <summary>The DMN 1.1 type <c>duration</c>: either kind of FEEL duration.</summary>
internal sealed class DurationType : DmnType
{
    public static DurationType Instance { get; } = new();

    public override string Name => "duration";

    public override bool Conforms(FeelValue value, EvaluationFrame frame) =>
        value.IsNull || value is FeelDaysTimeDuration or FeelYearsMonthsDuration;
}
