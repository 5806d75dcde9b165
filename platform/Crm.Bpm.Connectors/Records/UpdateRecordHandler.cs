using Crm.Bpm.Connectors.Jobs;
using Crm.Bpm.Engine.Hosting;

namespace Crm.Bpm.Connectors.Records;

/// <summary><c>crm:update-record</c>: changes the fields in <c>values</c> of the record <c>recordId</c> and puts the record as saved into the result variable (default <c>record</c>).</summary>
/// <remarks>
/// Inputs: <c>entity</c>, <c>recordId</c>, <c>values</c>, optional <c>expectedVersion</c> (else the stored version is
/// read first, so the process's change wins) and <c>runAs</c>; headers <c>resultVariable</c>, <c>errorCode</c>. A
/// conflict with another writer fails the job with retries.
/// </remarks>
public sealed class UpdateRecordHandler(RecordConnectorContext crm) : ConnectorHandler
{
    public const string JobType = "crm:update-record";

    /// <inheritdoc/>
    public override string Type => JobType;

    /// <inheritdoc/>
    protected override Task<JobOutcome> RunAsync(JobInputs inputs, JobContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(inputs);
        var entity = inputs.RequiredText("entity");
        var id = RecordId(inputs);
        var values = inputs.Object("values") ?? throw new ConnectorInputException($"Job '{Type}' needs the input 'values' (the fields to change as a FEEL context).");
        var user = crm.UserOf(inputs);
        long version = inputs.Integer("expectedVersion", 0);
        if (version == 0)
        {
            var current = crm.Records.Read(user, entity, id);
            if (!current.Succeeded)
            {
                return Task.FromResult(RecordConnectorContext.Refused(inputs, current.Failure, current.Diagnostics, $"Reading {entity} {id} to update it"));
            }

            version = current.Record!.Version;
        }

        var result = crm.Records.Update(user, entity, id, version, values);
        return Task.FromResult(result.Succeeded
            ? JobOutcome.Complete(new Dictionary<string, object?> { [inputs.ResultVariable("record")] = RecordJson.ToJson(result.Record!) })
            : RecordConnectorContext.Refused(inputs, result.Failure, result.Diagnostics, $"Updating {entity} {id}"));
    }

    internal static Guid RecordId(JobInputs inputs)
    {
        var text = inputs.RequiredText("recordId");
        return Guid.TryParse(text, out var id) ? id : throw new ConnectorInputException($"Job '{inputs.Type}': recordId '{text}' is not a record id (a GUID).");
    }
}
