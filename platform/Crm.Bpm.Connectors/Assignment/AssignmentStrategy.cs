namespace Crm.Bpm.Connectors.Assignment;

/// <summary>How <c>crm:assign</c> picks one user among the users of a role.</summary>
public enum AssignmentStrategy
{
    /// <summary>Each assignment goes to the next user of the role in turn (ordered by name, then id).</summary>
    RoundRobin,

    /// <summary>The user with the fewest open user tasks assigned to them; ties go in turn as in round robin.</summary>
    LeastBusy,
}
