namespace Crm.Bpm.Entities.Records;

/// <summary>Why a record command did nothing.</summary>
public enum RecordFailure
{
    None,

    /// <summary>The entity or a field is not known, or a value is wrong; the diagnostics name each field.</summary>
    Invalid,
    NotFound,

    /// <summary>The user's operation, record or field rights do not allow it.</summary>
    Forbidden,

    /// <summary>The record changed since the version the caller had (optimistic concurrency); read it again.</summary>
    Conflict,

    /// <summary>A blocking duplicate rule matched a stored record.</summary>
    Duplicate,

    /// <summary>Records refer to this one through a lookup whose delete behaviour is restrict.</summary>
    Restricted,
}
