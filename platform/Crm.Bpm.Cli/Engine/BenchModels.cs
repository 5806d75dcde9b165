using Crm.Bpm.Engine.Runtime;
using Crm.Bpm.Engine.Runtime.Deployment;

namespace Crm.Bpm.Cli.Engine;

/// <summary>The BPMN models of the <c>crm bench engine</c> scenarios, embedded in the CLI (<c>Engine/Scenarios/*.bpmn</c>).</summary>
internal static class BenchModels
{
    /// <summary>Start, a user task for <c>=owner</c> and group <c>sales</c>, end.</summary>
    public const string UserTaskCycle = "user-task-cycle.bpmn";

    /// <summary>Start, a one-hour timer catch event, end.</summary>
    public const string TimerWait = "timer-wait.bpmn";

    /// <summary>Start, a user task whose assignee, candidate users and groups and due date come from the variable <c>task</c>, end.</summary>
    public const string TaskList = "task-list.bpmn";

    /// <summary>Deploys an embedded model and gives the id of its process.</summary>
    /// <exception cref="InvalidOperationException">The model is missing or does not deploy: a defect of the CLI build.</exception>
    public static string Deploy(ProcessEngine engine, string name)
    {
        using var stream = typeof(BenchModels).Assembly.GetManifestResourceStream("Crm.Bpm.Cli.Engine.Scenarios." + name)
            ?? throw new InvalidOperationException($"The benchmark model {name} is not embedded in the CLI.");
        using var reader = new StreamReader(stream);
        DeployResult deployed = engine.Deploy(reader.ReadToEnd(), name);
        if (!deployed.Succeeded)
        {
            throw new InvalidOperationException($"The benchmark model {name} does not deploy: {string.Join("; ", deployed.Diagnostics.Where(d => d.IsError))}");
        }

        return deployed.Processes[0].BpmnProcessId;
    }
}
