using Crm.Bpm.Connectors.Jobs;
using Crm.Bpm.Entities.Access;
using Crm.Bpm.Entities.Records;
using Crm.Bpm.Engine.Hosting;

namespace Crm.Bpm.Connectors.Records;

/// <summary>What the record connectors work with: the record service, and the access store that names the user a job acts as.</summary>
/// <param name="Records">The record service (rights, validation, change log and outbox apply to connector writes too).</param>
/// <param name="Access">Users and roles; a job acts as the user of its <c>runAs</c> input, else as <see cref="CrmUser.System"/>.</param>
public sealed record RecordConnectorContext(RecordService Records, IAccessStore Access)
{
    /// <summary>The user a job acts as: the user whose id the <c>runAs</c> input holds, or the system.</summary>
    public CrmUser UserOf(JobInputs inputs)
    {
        ArgumentNullException.ThrowIfNull(inputs);
        var runAs = inputs.Text("runAs");
        if (runAs is null)
        {
            return CrmUser.System;
        }

        return Guid.TryParse(runAs, out var id) && Access.FindUser(id) is { } user
            ? user
            : throw new ConnectorInputException($"Job '{inputs.Type}': runAs '{runAs}' is not the id of a known user.");
    }

    /// <summary>The outcome of a record command that did nothing: a BPMN error when the task names an <c>errorCode</c>, a retried failure for a conflict, else a failure without retries.</summary>
    public static JobOutcome Refused(JobInputs inputs, RecordFailure failure, IEnumerable<Crm.Bpm.Diagnostics.Diagnostic> diagnostics, string what)
    {
        ArgumentNullException.ThrowIfNull(inputs);
        var message = $"{what} was refused ({failure}): {string.Join("; ", diagnostics.Select(d => d.ElementId is null ? d.Message : $"{d.ElementId}: {d.Message}"))}";
        if (failure == RecordFailure.Conflict)
        {
            return JobOutcome.Fail(message);
        }

        return inputs.ErrorCode is { } code
            ? JobOutcome.Error(code, message, new Dictionary<string, object?> { ["recordFailure"] = failure.ToString() })
            : JobOutcome.Fail(message, retries: 0);
    }
}
