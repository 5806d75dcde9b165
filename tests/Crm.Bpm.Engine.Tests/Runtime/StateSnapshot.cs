using System.Text;
using Crm.Bpm.Engine.Runtime.Instances;

namespace Crm.Bpm.Engine.Tests.Runtime;

/// <summary>Everything a store holds, written out as text, to check that a refused command left it exactly as it was.</summary>
internal static class StateSnapshot
{
    public static string Of(RuntimeHarness harness)
    {
        var store = harness.Store;
        var text = new StringBuilder();
        foreach (var instance in store.Instances().OrderBy(i => i.Key))
        {
            text.AppendLine($"instance {instance.Key} {instance.BpmnProcessId} {instance.State} v{instance.Version}");
            Variables(text, "  process", instance.Root);
            foreach (var element in instance.Elements)
            {
                text.AppendLine($"  element {element.Key} {element.ElementId} {element.State} parent={element.Parent?.Key} wait={element.WaitKey} incident={element.IncidentKey}");
                Variables(text, "    local", element);
            }
        }

        foreach (var job in store.Jobs().OrderBy(j => j.Key))
        {
            text.AppendLine($"job {job.Key} {job.Type} {job.State} retries={job.Retries} {job.ErrorMessage}");
        }

        foreach (var task in store.UserTasks().OrderBy(t => t.Key))
        {
            text.AppendLine($"task {task.Key} {task.ElementId} {task.Assignee}");
        }

        foreach (var timer in store.Timers().OrderBy(t => t.Key))
        {
            text.AppendLine($"timer {timer.Key} {timer.ElementId} {timer.DueDate:O} x{timer.Repetitions}");
        }

        foreach (var subscription in store.Subscriptions().OrderBy(s => s.Key))
        {
            text.AppendLine($"subscription {subscription.Key} {subscription.Kind} {subscription.Name} {subscription.CorrelationKey} {subscription.ElementId}");
        }

        foreach (var message in store.BufferedMessages().OrderBy(m => m.Key))
        {
            text.AppendLine($"message {message.Key} {message.Name} {message.CorrelationKey} {message.ExpiresAt:O}");
        }

        foreach (var incident in store.Incidents().OrderBy(i => i.Key))
        {
            text.AppendLine($"incident {incident.Key} {incident.Type} {incident.ElementId} {incident.Message}");
        }

        return text.ToString();
    }

    private static void Variables(StringBuilder text, string prefix, ElementInstance element)
    {
        if (element.Variables is null)
        {
            return;
        }

        foreach (var (name, value) in element.Variables.OrderBy(v => v.Key, StringComparer.Ordinal))
        {
            text.AppendLine($"{prefix} {name}={value.GetRawText()}");
        }
    }
}
