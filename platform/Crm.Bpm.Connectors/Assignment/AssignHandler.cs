using System.Collections.Concurrent;
using Crm.Bpm.Connectors.Jobs;
using Crm.Bpm.Engine.Hosting;
using Crm.Bpm.Engine.Runtime;
using Crm.Bpm.Engine.Runtime.UserTasks;
using Crm.Bpm.Entities.Access;

namespace Crm.Bpm.Connectors.Assignment;

/// <summary><c>crm:assign</c>: picks a user of a role, round robin or least busy, and puts the user's id into the result variable (default <c>owner</c>) and name into <c>ownerName</c>.</summary>
/// <remarks>
/// Inputs: <c>role</c> (or <c>team</c>, as the base lead-qualification process names it; matched ignoring case),
/// <c>strategy</c> (<c>round-robin</c>, the default, or <c>least-busy</c>). Least busy counts each user's open user
/// tasks whose assignee is the user's id, through the engine's task query. The round-robin turn is kept per role in
/// this node's memory: after a restart, or across several nodes, the turn starts again from the first user, so the
/// spread is even per node, not globally.
/// </remarks>
public sealed class AssignHandler(IAccessStore access, ProcessEngine engine) : ConnectorHandler
{
    public const string JobType = "crm:assign";

    private const int TaskPage = 500;
    private readonly ConcurrentDictionary<string, long> _turns = new(StringComparer.OrdinalIgnoreCase);

    /// <inheritdoc/>
    public override string Type => JobType;

    /// <inheritdoc/>
    protected override Task<JobOutcome> RunAsync(JobInputs inputs, JobContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(inputs);
        var role = inputs.Text("role") ?? inputs.Text("team") ?? throw new ConnectorInputException($"Job '{Type}' needs the input 'role' (the role whose users share the work).");
        var strategy = (inputs.Text("strategy") ?? "round-robin").ToLowerInvariant() switch
        {
            "round-robin" or "roundrobin" => AssignmentStrategy.RoundRobin,
            "least-busy" or "leastbusy" => AssignmentStrategy.LeastBusy,
            var other => throw new ConnectorInputException($"Job '{Type}': strategy '{other}' is not known; use 'round-robin' or 'least-busy'."),
        };
        var users = access.Users()
            .Where(u => u.Roles.Any(r => string.Equals(r, role, StringComparison.OrdinalIgnoreCase)))
            .OrderBy(u => u.Name, StringComparer.Ordinal).ThenBy(u => u.Id)
            .ToList();
        if (users.Count == 0)
        {
            // Users may be added to the role later: fail with retries, then an incident says who is missing.
            return Task.FromResult(JobOutcome.Fail($"No user holds the role '{role}'; add users to the role, then resolve the incident."));
        }

        var turn = _turns.AddOrUpdate(role, 0, (_, previous) => previous + 1);
        CrmUser chosen;
        if (strategy == AssignmentStrategy.RoundRobin)
        {
            chosen = users[(int)(turn % users.Count)];
        }
        else
        {
            var load = users.Select(u => (User: u, Open: OpenTasks(u))).ToList();
            var fewest = load.Min(l => l.Open);
            var idle = load.Where(l => l.Open == fewest).Select(l => l.User).ToList();
            chosen = idle[(int)(turn % idle.Count)];
        }

        return Task.FromResult(JobOutcome.Complete(new Dictionary<string, object?>
        {
            [inputs.ResultVariable("owner")] = chosen.Id.ToString("D"),
            ["ownerName"] = chosen.Name,
        }));
    }

    /// <summary>The open user tasks assigned to the user (candidate tasks not counted), paged through the engine's task query.</summary>
    private int OpenTasks(CrmUser user)
    {
        var id = user.Id.ToString("D");
        var count = 0;
        var query = new UserTaskQuery { User = id, PageSize = TaskPage };
        while (true)
        {
            var page = engine.QueryUserTasks(query);
            count += page.Count(t => string.Equals(t.Assignee, id, StringComparison.OrdinalIgnoreCase));
            if (page.Count < TaskPage)
            {
                return count;
            }

            query = query with { AfterDueDate = page[^1].DueDate, AfterKey = page[^1].Key };
        }
    }
}
