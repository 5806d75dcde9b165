namespace Crm.Bpm.Engine.Runtime.Commands;

/// <summary>Why a command was refused.</summary>
public enum CommandErrorCode
{
    /// <summary>The process, instance, job, task or incident does not exist.</summary>
    NotFound,

    /// <summary>It exists but is not in a state that allows the command (an ended instance, a failed job...).</summary>
    InvalidState,

    /// <summary>An argument is wrong (a variable that is not JSON, a negative retry count...).</summary>
    InvalidArgument,

    /// <summary>Another command changed the instance first; run the command again.</summary>
    Conflict,

    /// <summary>The engine hit a defect; nothing was changed.</summary>
    Internal,

    /// <summary>The store could not be reached within the retry time; nothing was changed; run the command again later.</summary>
    Unavailable,
}
