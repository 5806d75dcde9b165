using System.Collections.Concurrent;
using System.Text.Json.Nodes;
using Crm.Bpm.Connectors.Tests.Infrastructure;
using Crm.Bpm.Engine.Runtime.Incidents;
using Crm.Bpm.Engine.Runtime.Instances;
using Microsoft.EntityFrameworkCore;

namespace Crm.Bpm.Connectors.Tests.Triggers;

/// <summary>Record-driven processes end to end on SQLite and PostgreSQL: record service, outbox, dispatcher, engine, all in one database.</summary>
public sealed class RecordTriggerTests(TestDatabases databases) : IClassFixture<TestDatabases>
{
    private const string LeadQualification = "processes/lead-qualification/lead-qualification.bpmn";

    public static TheoryData<string> Providers() => TestDatabases.Providers();

    private static Guid CreateLead(CrmTestWorld world, string name, string? status = null)
    {
        var values = new JsonObject { ["name"] = name, ["company"] = "Acme", ["budget"] = 50000, ["source"] = "web" };
        if (status is not null)
        {
            values["status"] = status;
        }

        var result = world.Records.Create(CrmTestWorld.Ann, "Lead", values);
        result.Succeeded.Should().BeTrue(string.Join("; ", result.Diagnostics));
        return result.Record!.Id;
    }

    private static void UpdateLead(CrmTestWorld world, Guid id, JsonObject changes)
    {
        var current = world.Records.Read(CrmTestWorld.Admin, "Lead", id).Record!;
        world.Records.Update(CrmTestWorld.Admin, "Lead", id, current.Version, changes).Succeeded.Should().BeTrue();
    }

    private static string RecordIdOf(ProcessInstance instance) => instance.Variables["recordId"].GetString()!;

    [Theory]
    [MemberData(nameof(Providers))]
    public void CreatingALead_StartsLeadQualification_ExactlyOnce(string provider)
    {
        using var world = new CrmTestWorld(provider, databases.Fresh(provider));
        world.Deploy(LeadQualification);
        var id = CreateLead(world, "Ada Lovelace");

        world.NewDispatcher().DispatchPending().Should().Be(1);
        world.NewDispatcher(world.NewEngine()).DispatchPending().Should().Be(0, "the event was delivered and marked processed");

        var instance = world.Engine.GetInstances("lead-qualification").Should().ContainSingle().Subject;
        RecordIdOf(instance).Should().Be(id.ToString());
        instance.Variables["event"].GetString().Should().Be("created");
        instance.Variables["lead"].GetProperty("name").GetString().Should().Be("Ada Lovelace");
        instance.Variables["record"].GetProperty("budget").GetDecimal().Should().Be(50000m);
        var task = world.Engine.GetUserTasks(instance.Key).Should().ContainSingle().Subject;
        task.ElementId.Should().Be("Activity_QualifyLead");
        task.Assignee.Should().Be(CrmTestWorld.Ann.Id.ToString(), "the lead's owner (its creator) qualifies it");
        world.Engine.GetIncidents().Should().BeEmpty();
        world.Entities.Outbox.PendingCount().Should().Be(0);
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task EightConcurrentWriters_AndTwoDispatchers_StartOneInstancePerLead(string provider)
    {
        using var world = new CrmTestWorld(provider, databases.Fresh(provider));
        world.Deploy(LeadQualification);
        var dispatchers = new[] { world.NewDispatcher(world.NewEngine(), "node-a"), world.NewDispatcher(world.NewEngine(), "node-b") };
        var created = new ConcurrentBag<Guid>();
        var writersDone = 0;

        var writers = Enumerable.Range(0, 8).Select(w => Task.Run(() =>
        {
            for (var i = 0; i < 6; i++)
            {
                created.Add(CreateLead(world, $"Lead {w}-{i}"));
            }

            Interlocked.Increment(ref writersDone);
        })).ToArray();
        var running = dispatchers.Select(d => Task.Run(() =>
        {
            // Dispatch while the writers write, then until the outbox is empty.
            while (Volatile.Read(ref writersDone) < 8 || world.Entities.Outbox.PendingCount() > 0)
            {
                d.DispatchPending();
            }
        })).ToArray();
        await Task.WhenAll([.. writers, .. running]).WaitAsync(TimeSpan.FromMinutes(3));

        var started = world.Engine.GetInstances("lead-qualification").Select(RecordIdOf).ToList();
        started.Should().HaveCount(48);
        started.Should().OnlyHaveUniqueItems();
        started.Should().BeEquivalentTo(created.Select(c => c.ToString()));
        (dispatchers[0].Delivered + dispatchers[1].Delivered).Should().Be(48);
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public void AnEventSeenAgainAfterItsLockExpired_DoesNotStartASecondInstance(string provider)
    {
        using var world = new CrmTestWorld(provider, databases.Fresh(provider));
        world.Deploy(LeadQualification);
        CreateLead(world, "Grace Hopper");
        world.NewDispatcher().DispatchPending().Should().Be(1);

        // As if the dispatcher had crashed before the outbox row was marked (or another took the event over): the event is pending again.
        using (var db = world.Entities.CreateContext())
        {
            db.Database.ExecuteSqlRaw("UPDATE crm_record_events SET processed_on = NULL");
        }

        world.Entities.Outbox.PendingCount().Should().Be(1);
        world.NewDispatcher(world.NewEngine()).DispatchPending().Should().Be(1);

        world.Engine.GetInstances("lead-qualification").Should().ContainSingle("the (event, trigger) delivery is recorded with the start");
        world.Entities.Outbox.PendingCount().Should().Be(0);
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public void AnUpdateTouchingNoListedField_StartsNothing_AndOneTouchingThemStartsOnlyWhenTheConditionHolds(string provider)
    {
        using var world = new CrmTestWorld(provider, databases.Fresh(provider));
        world.Deploy(CrmTestWorld.Fixture("lead-status-watch.bpmn"));
        var dispatcher = world.NewDispatcher();
        var id = CreateLead(world, "Linus");
        dispatcher.DispatchPending();

        UpdateLead(world, id, new JsonObject { ["company"] = "Other Co", ["budget"] = 1 });
        dispatcher.DispatchPending().Should().Be(1);
        world.Engine.GetInstances("lead-status-watch").Should().BeEmpty("neither status nor score changed");

        UpdateLead(world, id, new JsonObject { ["status"] = "qualifying" });
        dispatcher.DispatchPending();
        world.Engine.GetInstances("lead-status-watch").Should().BeEmpty("status changed, but the condition wants qualified");

        UpdateLead(world, id, new JsonObject { ["status"] = "qualified" });
        dispatcher.DispatchPending();
        var instance = world.Engine.GetInstances("lead-status-watch").Should().ContainSingle().Subject;
        instance.Variables["changedFields"].EnumerateArray().Select(f => f.GetString()).Should().Equal("status");
        instance.Variables["event"].GetString().Should().Be("updated");
        world.Entities.Outbox.PendingCount().Should().Be(0);
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public void AFeelErrorInACondition_RaisesOneIncident_AndTheRecordStaysSaved(string provider)
    {
        using var world = new CrmTestWorld(provider, databases.Fresh(provider));
        world.Deploy(CrmTestWorld.Fixture("bad-condition.bpmn"));
        var id = CreateLead(world, "Edsger");

        world.NewDispatcher().DispatchPending().Should().Be(1);
        world.NewDispatcher(world.NewEngine()).DispatchPending().Should().Be(0);

        world.Records.Read(CrmTestWorld.Admin, "Lead", id).Record!.Values["name"]!.GetValue<string>().Should().Be("Edsger");
        world.Engine.GetInstances("lead-bad-condition").Should().BeEmpty();
        var incident = world.Engine.GetIncidents().Should().ContainSingle().Subject;
        incident.Type.Should().Be(IncidentType.TriggerConditionError);
        incident.BpmnProcessId.Should().Be("lead-bad-condition");
        incident.ElementId.Should().Be("Start_BadCondition");
        incident.ProcessInstanceKey.Should().Be(0);
        incident.Message.Should().Contain(id.ToString()).And.Contain("record.name > 5").And.Contain("the record was saved");
        world.Entities.Outbox.PendingCount().Should().Be(0, "a failing condition never blocks the outbox");
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public void AnUpdateTrigger_OnACatchEvent_CorrelatesTheMessageToTheInstanceWaitingForThatRecord(string provider)
    {
        using var world = new CrmTestWorld(provider, databases.Fresh(provider));
        world.Deploy(CrmTestWorld.Fixture("lead-nurture.bpmn"));
        var dispatcher = world.NewDispatcher();
        var first = CreateLead(world, "First");
        var second = CreateLead(world, "Second");
        var waiting = world.Engine.StartInstance("lead-nurture", new Dictionary<string, object?> { ["leadId"] = first.ToString() }).ProcessInstanceKey;
        var other = world.Engine.StartInstance("lead-nurture", new Dictionary<string, object?> { ["leadId"] = second.ToString() }).ProcessInstanceKey;
        dispatcher.DispatchPending();

        UpdateLead(world, first, new JsonObject { ["status"] = "qualifying" });
        dispatcher.DispatchPending();

        world.Engine.GetUserTasks(waiting).Select(t => t.ElementId).Should().Equal("Task_FollowUp");
        world.Engine.GetInstance(waiting)!.Variables["record"].GetProperty("status").GetString().Should().Be("qualifying");
        world.Engine.GetUserTasks(other).Should().BeEmpty("the message carried the first lead's id");
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public void ATriggerOnAMessageStartEvent_StartsTheProcessAtThatEvent(string provider)
    {
        using var world = new CrmTestWorld(provider, databases.Fresh(provider));
        world.Deploy(CrmTestWorld.Fixture("account-onboarding.bpmn"));
        var account = world.Records.Create(CrmTestWorld.Admin, "Account", new JsonObject { ["name"] = "Initech" }).Record!;

        world.NewDispatcher().DispatchPending().Should().Be(1);

        var instance = world.Engine.GetInstances("account-onboarding").Should().ContainSingle().Subject;
        RecordIdOf(instance).Should().Be(account.Id.ToString());
        world.Engine.GetUserTasks(instance.Key).Select(t => t.ElementId).Should().Equal("Task_Welcome");
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public void AWronglyWrittenTrigger_RaisesAnIncidentSayingWhatIsWrong_WhenALeadChanges(string provider)
    {
        using var world = new CrmTestWorld(provider, databases.Fresh(provider));
        world.Deploy(CrmTestWorld.Fixture("wrong-trigger.bpmn"));
        CreateLead(world, "Barbara");

        world.NewDispatcher().DispatchPending().Should().Be(1);

        var incident = world.Engine.GetIncidents().Should().ContainSingle().Subject;
        incident.Type.Should().Be(IncidentType.TriggerConditionError);
        incident.Message.Should().Contain("'on' must be created, updated or deleted, not 'changed'").And.Contain("is not valid FEEL");
    }
}
