using Crm.Bpm.Connectors.Jobs;
using Crm.Bpm.Engine.Hosting;

namespace Crm.Bpm.Connectors.Records;

/// <summary><c>crm:create-record</c>: creates a record of <c>entity</c> from the <c>values</c> object and puts it (with its new id) into the result variable (default <c>record</c>).</summary>
/// <remarks>Inputs: <c>entity</c>, <c>values</c>, optional <c>owner</c> (user id) and <c>runAs</c>; headers <c>resultVariable</c>, <c>errorCode</c>.</remarks>
public sealed class CreateRecordHandler(RecordConnectorContext crm) : ConnectorHandler
{
    public const string JobType = "crm:create-record";

    /// <inheritdoc/>
    public override string Type => JobType;

    /// <inheritdoc/>
    protected override Task<JobOutcome> RunAsync(JobInputs inputs, JobContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(inputs);
        var entity = inputs.RequiredText("entity");
        var values = inputs.Object("values") ?? throw new ConnectorInputException($"Job '{Type}' needs the input 'values' (the new record's fields as a FEEL context).");
        var ownerText = inputs.Text("owner");
        Guid? owner = ownerText is null ? null : Guid.TryParse(ownerText, out var id) ? id : throw new ConnectorInputException($"Job '{Type}': owner '{ownerText}' is not a user id.");
        var result = crm.Records.Create(crm.UserOf(inputs), entity, values, owner);
        if (!result.Succeeded)
        {
            return Task.FromResult(RecordConnectorContext.Refused(inputs, result.Failure, result.Diagnostics, $"Creating a {entity} record"));
        }

        return Task.FromResult(JobOutcome.Complete(new Dictionary<string, object?> { [inputs.ResultVariable("record")] = RecordJson.ToJson(result.Record!) }));
    }
}
