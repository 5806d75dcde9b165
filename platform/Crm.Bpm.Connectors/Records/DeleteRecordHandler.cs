using Crm.Bpm.Connectors.Jobs;
using Crm.Bpm.Engine.Hosting;
using Crm.Bpm.Entities.Records;

namespace Crm.Bpm.Connectors.Records;

/// <summary><c>crm:delete-record</c>: deletes the record <c>recordId</c> of <c>entity</c> (lookups to it follow their delete behaviour); a record already gone counts as deleted.</summary>
/// <remarks>Inputs: <c>entity</c>, <c>recordId</c>, optional <c>expectedVersion</c> and <c>runAs</c>; header <c>errorCode</c> (for a delete a restrict lookup refuses).</remarks>
public sealed class DeleteRecordHandler(RecordConnectorContext crm) : ConnectorHandler
{
    public const string JobType = "crm:delete-record";

    /// <inheritdoc/>
    public override string Type => JobType;

    /// <inheritdoc/>
    protected override Task<JobOutcome> RunAsync(JobInputs inputs, JobContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(inputs);
        var entity = inputs.RequiredText("entity");
        var id = UpdateRecordHandler.RecordId(inputs);
        var version = inputs.Integer("expectedVersion", 0);
        var result = crm.Records.Delete(crm.UserOf(inputs), entity, id, version == 0 ? null : version);
        // A retried job whose first run deleted the record finds it gone: the work is done (at-least-once delivery).
        return Task.FromResult(result.Succeeded || result.Failure == RecordFailure.NotFound
            ? JobOutcome.Complete(new Dictionary<string, object?> { ["deleted"] = result.Succeeded })
            : RecordConnectorContext.Refused(inputs, result.Failure, result.Diagnostics, $"Deleting {entity} {id}"));
    }
}
