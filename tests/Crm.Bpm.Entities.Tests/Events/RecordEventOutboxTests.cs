using System.Text.Json.Nodes;
using Crm.Bpm.Engine.Runtime.Store;
using Crm.Bpm.Entities.Records;
using Crm.Bpm.Entities.Tests.Infrastructure;
using Crm.Bpm.Persistence.Entities;

namespace Crm.Bpm.Entities.Tests.Events;

/// <summary>The record events outbox: one event per change in the same transaction, locked per consumer, processed exactly once.</summary>
public abstract class RecordEventOutboxTests : EntitiesTestBase
{
    private RecordService Service => World.Service;

    private RecordEventOutbox Outbox => World.Database.Outbox;

    [DatabaseFact]
    public void EveryChange_WritesOneEvent_WithKindChangedFieldsAndSnapshot()
    {
        var lead = Service.Create(CrmWorld.Ann, "Lead", Json.Object("""{ "name": "Jane", "score": 10 }""")).Record!;
        Service.Update(CrmWorld.Ann, "Lead", lead.Id, 1, Json.Object("""{ "score": 20, "name": "Jane" }""")).Succeeded.Should().BeTrue();
        Service.Update(CrmWorld.Ann, "Lead", lead.Id, 2, Json.Object("""{ "score": 20 }""")).Succeeded.Should().BeTrue();
        Service.Delete(CrmWorld.Ann, "Lead", lead.Id).Succeeded.Should().BeTrue();
        Service.Create(CrmWorld.Ann, "Lead", Json.Object("""{ "score": 10 }""")).Succeeded.Should().BeFalse();

        var events = Outbox.LockPending("test", 100, TimeSpan.FromMinutes(1));

        events.Select(e => (e.Kind, e.RecordId, string.Join(",", e.ChangedFields))).Should().Equal(
            (RecordChangeKind.Created, lead.Id, "name,status,score"),
            (RecordChangeKind.Updated, lead.Id, "score"),
            (RecordChangeKind.Deleted, lead.Id, ""));
        var snapshot = JsonNode.Parse(events[1].Snapshot)!;
        snapshot["version"]!.GetValue<long>().Should().Be(2);
        snapshot["values"]!["score"]!.GetValue<int>().Should().Be(20);
        snapshot["owner"]!.GetValue<string>().Should().Be(CrmWorld.Ann.Id.ToString());
        events.Should().BeInAscendingOrder(e => e.Id);
        events.Should().OnlyContain(e => e.Entity == "Lead" && e.UserId == CrmWorld.Ann.Id);
    }

    [DatabaseFact]
    public void Consumers_LockDisjointEvents_InOrder_AndAnExpiredLockIsTakenOver()
    {
        for (var i = 0; i < 5; i++)
        {
            Service.Create(CrmWorld.Admin, "Product", Json.Object($$"""{ "name": "P{{i}}", "price": {{i}} }""")).Succeeded.Should().BeTrue();
        }

        var first = Outbox.LockPending("a", 3, TimeSpan.FromMinutes(1));
        var second = Outbox.LockPending("b", 10, TimeSpan.FromMinutes(1));
        var none = Outbox.LockPending("c", 10, TimeSpan.FromMinutes(1));

        first.Should().HaveCount(3);
        second.Should().HaveCount(2);
        none.Should().BeEmpty();
        first.Max(e => e.Id).Should().BeLessThan(second.Min(e => e.Id));

        Outbox.Release(first[0].Id, "a");
        Outbox.LockPending("c", 10, TimeSpan.FromMinutes(1)).Select(e => e.Id).Should().Equal(first[0].Id);
        Outbox.LockPending("d", 10, TimeSpan.FromMilliseconds(-1)).Should().BeEmpty();
    }

    [DatabaseFact]
    public void MarkProcessed_InsideAnotherTransaction_HappensOnce_AndRollsBackWithIt()
    {
        Service.Create(CrmWorld.Admin, "Product", Json.Object("""{ "name": "Widget", "price": 1 }""")).Succeeded.Should().BeTrue();
        var pending = Outbox.LockPending("engine", 10, TimeSpan.FromMinutes(1)).Single();

        using (var db = World.Database.CreateContext())
        {
            var connection = db.Database.GetDbConnectionOpened();
            using var rolledBack = connection.BeginTransaction();
            new RecordEventProcessed(pending.Id).Apply(new CommitContext { Connection = connection, Transaction = rolledBack });
            rolledBack.Rollback();
        }

        Outbox.PendingCount().Should().Be(1, "the consumer's transaction rolled back, so the event is still pending");

        using (var db = World.Database.CreateContext())
        {
            var connection = db.Database.GetDbConnectionOpened();
            using var committed = connection.BeginTransaction();
            new RecordEventProcessed(pending.Id).Apply(new CommitContext { Connection = connection, Transaction = committed });
            committed.Commit();
        }

        Outbox.PendingCount().Should().Be(0);
        var again = () => new RecordEventProcessed(pending.Id).Apply(new CommitContext { Connection = World.Database.CreateContext().Database.GetDbConnectionOpened() });
        again.Should().Throw<InvalidOperationException>().WithMessage("*already processed*");
        Outbox.MarkProcessed(pending.Id).Should().BeFalse();
    }

    [DatabaseFact]
    public void ARefusedChange_WritesNoEvent()
    {
        var lead = Service.Create(CrmWorld.Admin, "Lead", Json.Object("""{ "name": "Jane" }""")).Record!;
        Outbox.MarkProcessed(Outbox.LockPending("t", 10, TimeSpan.FromMinutes(1)).Single().Id).Should().BeTrue();

        Service.Update(CrmWorld.Admin, "Lead", lead.Id, 7, Json.Object("""{ "score": 1 }""")).Failure.Should().Be(RecordFailure.Conflict);
        Service.Update(CrmWorld.Admin, "Lead", lead.Id, 1, Json.Object("""{ "score": 500 }""")).Failure.Should().Be(RecordFailure.Invalid);

        Outbox.PendingCount().Should().Be(0);
    }
}
