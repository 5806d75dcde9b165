namespace Crm.Bpm.Entities.Queries;

/// <summary>How a filter compares a field with its value(s).</summary>
public enum FilterOperator
{
    Equal,

    /// <summary>Differs from the value, or is empty.</summary>
    NotEqual,
    Less,
    LessOrEqual,
    Greater,
    GreaterOrEqual,

    /// <summary>Equals one of the values (a JSON array).</summary>
    In,

    /// <summary>Text containing the value, ignoring case.</summary>
    Contains,

    /// <summary>Text starting with the value, ignoring case.</summary>
    StartsWith,

    /// <summary>At least the value and at most the second value.</summary>
    Between,
    IsEmpty,
    IsNotEmpty,
}
