using Crm.Bpm.Connectors.Assignment;
using Crm.Bpm.Connectors.Email;
using Crm.Bpm.Connectors.Http;
using Crm.Bpm.Connectors.Records;
using Crm.Bpm.Engine.Hosting;
using Crm.Bpm.Engine.Runtime;
using Crm.Bpm.Entities.Access;
using Crm.Bpm.Entities.Records;

namespace Crm.Bpm.Connectors;

/// <summary>The built-in job handlers (records, assignment, e-mail, HTTP), made for one node and added to its job handler registry.</summary>
public static class BuiltInConnectors
{
    /// <summary>Every built-in job type, as the element templates name them.</summary>
    public static IReadOnlyList<string> JobTypes { get; } =
    [
        CreateRecordHandler.JobType, UpdateRecordHandler.JobType, ReadRecordsHandler.JobType, DeleteRecordHandler.JobType,
        AssignHandler.JobType, SendEmailHandler.JobType, HttpHandler.JobType,
    ];

    /// <summary>Creates the handlers of every built-in job type.</summary>
    /// <param name="records">The record service the record connectors write through.</param>
    /// <param name="access">Users and roles (assignment, <c>runAs</c>).</param>
    /// <param name="engine">The node's engine (least-busy assignment queries its tasks).</param>
    /// <param name="smtp">The SMTP server for e-mail.</param>
    /// <param name="http">The client web service calls go through (one per node, reused).</param>
    public static IReadOnlyList<IJobHandler> Create(RecordService records, IAccessStore access, ProcessEngine engine, SmtpOptions smtp, HttpClient http)
    {
        var crm = new RecordConnectorContext(records, access);
        return
        [
            new CreateRecordHandler(crm), new UpdateRecordHandler(crm), new ReadRecordsHandler(crm), new DeleteRecordHandler(crm),
            new AssignHandler(access, engine), new SendEmailHandler(smtp), new HttpHandler(http),
        ];
    }

    /// <summary>Adds the handlers of every built-in job type to <paramref name="registry"/>.</summary>
    public static JobHandlerRegistry AddTo(JobHandlerRegistry registry, RecordService records, IAccessStore access, ProcessEngine engine, SmtpOptions smtp, HttpClient http)
    {
        ArgumentNullException.ThrowIfNull(registry);
        foreach (var handler in Create(records, access, engine, smtp, http))
        {
            registry.Add(handler);
        }

        return registry;
    }
}
