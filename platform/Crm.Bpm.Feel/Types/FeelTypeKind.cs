namespace Crm.Bpm.Feel.Types;

/// <summary>The kinds of FEEL types (DMN 1.5 §10.3.2.9 type lattice).</summary>
public enum FeelTypeKind
{
    Any,
    Null,
    Number,
    String,
    Boolean,
    Date,
    Time,
    DateTime,
    DaysTimeDuration,
    YearsMonthsDuration,
    List,
    Context,
    Range,
    Function,
}
