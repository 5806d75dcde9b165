using System.Text.Json;
using Crm.Bpm.Engine.Hosting;
using Crm.Bpm.Engine.Runtime.Jobs;

namespace Crm.Bpm.Connectors.Tests.Infrastructure;

/// <summary>Builds the job a handler sees, with task headers and variables, for calling a connector directly.</summary>
public static class TestJobs
{
    private static long _keys = 1000;

    /// <summary>A job of <paramref name="type"/> with the headers and the variables of a JSON object.</summary>
    public static JobContext Context(string type, IReadOnlyDictionary<string, string>? headers = null, string variables = "{}")
    {
        using var document = JsonDocument.Parse(variables);
        var values = document.RootElement.EnumerateObject().ToDictionary(p => p.Name, p => p.Value.Clone(), StringComparer.Ordinal);
        var job = new JobRecord
        {
            Key = Interlocked.Increment(ref _keys),
            Type = type,
            ProcessInstanceKey = 1,
            ElementInstanceKey = 2,
            ElementId = "Task",
            BpmnProcessId = "test",
            ProcessDefinitionKey = 3,
            CustomHeaders = headers ?? new Dictionary<string, string>(),
            Variables = values,
        };
        return new JobContext(job, "test-node");
    }

    /// <summary>Runs a handler on the job and returns its outcome.</summary>
    public static JobOutcome Run(IJobHandler handler, JobContext context) => handler.HandleAsync(context, CancellationToken.None).GetAwaiter().GetResult();
}
