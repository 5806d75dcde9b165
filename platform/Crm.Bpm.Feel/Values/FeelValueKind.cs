namespace Crm.Bpm.Feel.Values;

/// <summary>The FEEL data type of a value (DMN 1.5 §10.3.2).</summary>
public enum FeelValueKind
{
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
