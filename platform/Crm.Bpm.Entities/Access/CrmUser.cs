namespace Crm.Bpm.Entities.Access;

/// <summary>A person working in the CRM, with the roles that give them rights; an administrator passes every check.</summary>
public sealed record CrmUser(Guid Id, string Name, IReadOnlyList<string> Roles, bool IsAdministrator = false)
{
    /// <summary>The system itself (processes, imports, benchmarks): an administrator without a person.</summary>
    public static CrmUser System { get; } = new(Guid.Empty, "System", [], IsAdministrator: true);
}
