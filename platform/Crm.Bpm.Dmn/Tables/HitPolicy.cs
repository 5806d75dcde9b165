namespace Crm.Bpm.Dmn.Tables;

/// <summary>How a decision table turns its matched rules into a result (DMN 1.5 §8.2.11).</summary>
public enum HitPolicy
{
    Unique,
    Any,
    Priority,
    First,
    Collect,
    RuleOrder,
    OutputOrder,
}
