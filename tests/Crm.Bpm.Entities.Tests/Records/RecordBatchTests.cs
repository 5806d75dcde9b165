using System.Data.Common;
using System.Text.Json.Nodes;
using Crm.Bpm.Entities.Access;
using Crm.Bpm.Entities.Duplicates;
using Crm.Bpm.Entities.Queries;
using Crm.Bpm.Entities.Records;
using Crm.Bpm.Entities.Tests.Infrastructure;
using Record = Crm.Bpm.Entities.Records.Record;

namespace Crm.Bpm.Entities.Tests.Records;

/// <summary>Batches of new records (<c>CreateMany</c>): what they write equals what one create at a time writes, and a refused batch writes nothing, on each database.</summary>
/// <remarks>On PostgreSQL a batch's rows load with binary COPY while single creates use INSERT statements; these tests hold the two paths to the same result.</remarks>
public abstract class RecordBatchTests : EntitiesTestBase
{
    private const int Leads = 120;

    private static readonly DateTime Now = new(2026, 11, 23, 10, 15, 30, 123, DateTimeKind.Utc);

    /// <summary>The tables the provider loaded through its bulk writer so far, in order (empty when it has none).</summary>
    protected abstract IReadOnlyList<string> BulkLoadedTables { get; }

    [DatabaseFact]
    public void CreateMany_WritesWhatSingleCreatesWrite_RecordsChangeLogDuplicateKeysEventsAndGrants()
    {
        var service = new RecordService(World.Registry, World.Database.Records, World.Database.Access, new FixedClock(Now));
        var account = service.Create(CrmWorld.Admin, "Account", Json.Object("""{ "name": "Acme" }""")).Record!.Id;
        var values = Enumerable.Range(0, Leads).Select(i => Lead(i, account)).ToList();

        var batch = service.CreateMany(CrmWorld.Ann, "Lead", values);
        var singles = values.Select(v => service.Create(CrmWorld.Ann, "Lead", (JsonObject)v.DeepClone()).Record!.Id).ToList();

        batch.Succeeded.Should().BeTrue(string.Join(Environment.NewLine, batch.Diagnostics));
        batch.Ids.Should().HaveCount(Leads);
        BulkLoadedTables.Should().BeSubsetOf(["crm_records", "crm_duplicate_keys", "crm_change_log", "crm_record_events", "crm_record_grants"]);
        var events = World.Database.Outbox.LockPending("test", 10 * Leads, TimeSpan.FromMinutes(5)).ToLookup(e => e.RecordId);
        for (var i = 0; i < Leads; i++)
        {
            var (copied, inserted) = (batch.Ids[i], singles[i]);
            var a = service.Read(CrmWorld.Ann, "Lead", copied).Record!;
            var b = service.Read(CrmWorld.Ann, "Lead", inserted).Record!;
            a.Values.ToJsonString().Should().Be(b.Values.ToJsonString(), $"lead {i} has the same stored values");
            (a.Version, a.Owner, a.CreatedOn, a.CreatedBy, a.ModifiedOn, a.ModifiedBy).Should().Be((b.Version, b.Owner, b.CreatedOn, b.CreatedBy, b.ModifiedOn, b.ModifiedBy));
            a.CreatedOn.Should().Be(Now);
            a.Owner.Should().Be(CrmWorld.Ann.Id);

            ChangeLog(service, copied).Should().Equal(ChangeLog(service, inserted), $"lead {i} logs the same initial values");
            ChangeLog(service, copied).Should().NotBeEmpty();

            var (eventA, eventB) = (events[copied].Single(), events[inserted].Single());
            (eventA.Entity, eventA.Kind, eventA.UserId, eventA.OccurredOn).Should().Be((eventB.Entity, eventB.Kind, eventB.UserId, eventB.OccurredOn));
            eventA.ChangedFields.Should().Equal(eventB.ChangedFields);
            eventA.Snapshot.Replace(copied.ToString("D"), inserted.ToString("D"), StringComparison.Ordinal).Should().Be(eventB.Snapshot);

            World.Database.Records.Grants(copied).Select(g => g with { RecordId = inserted }).Should().BeEquivalentTo(World.Database.Records.Grants(inserted));
        }

        // Each lead's keys are unique within one set, so every duplicate group is exactly a lead and its twin.
        var groups = service.FindDuplicates(CrmWorld.Ann, "Lead")!;
        var twins = batch.Ids.Zip(singles).ToDictionary(p => p.First, p => p.Second);
        groups.Should().OnlyContain(g => g.RecordIds.Count == 2 && twins.ContainsKey(g.RecordIds[0]) && twins[g.RecordIds[0]] == g.RecordIds[1]);
        groups.Count(g => g.Rule == "same e-mail").Should().Be(values.Count(v => v["email"] is not null));
        groups.Count(g => g.Rule == "same phone").Should().Be(Leads);
        groups.Count(g => g.Rule == "same name and company").Should().Be(Leads);

        // Text search reads the display and search text written with the row.
        var found = service.Query(CrmWorld.Ann, new RecordQuery { Entity = "Lead", Search = "Person.17@example.com lead", PageSize = 10 }).Page!.Records.Select(r => r.Id);
        found.Should().BeEquivalentTo([batch.Ids[17], singles[17]]);
    }

    [DatabaseFact]
    public void CreateMany_RefusesTheWholeBatch_NamingEachRecordAndField_AndStoresNothing()
    {
        var values = Enumerable.Range(0, Leads).Select(i => Lead(i, null)).ToList();
        values[7]["score"] = 500;
        values[42]["email"] = "not an address";

        var result = World.Service.CreateMany(CrmWorld.Ann, "Lead", values);

        result.Failure.Should().Be(RecordFailure.Invalid);
        result.Ids.Should().BeEmpty();
        result.Diagnostics.Select(d => (d.Code, d.ElementId)).Should().Equal(("REC005", "$[7].score"), ("REC006", "$[42].email"));
        ExpectNothingStored();
    }

    [DatabaseFact]
    public void CreateMany_LeavesNothingBehind_WhenTheDatabaseRefusesTheLastRowOfTheLastTable()
    {
        // Every record is valid; the store is handed a grant without a grantee, which the NOT NULL column refuses
        // after the records, duplicate keys, change log and events of the batch are already written.
        var store = new LastGrantWithoutGrantee(World.Database.Records);
        var service = new RecordService(World.Registry, store, World.Database.Access);

        var act = () => service.CreateMany(CrmWorld.Ann, "Lead", Enumerable.Range(0, Leads).Select(i => Lead(i, null)).ToList());

        act.Should().Throw<DbException>();
        store.Commits.Should().Be(1);
        ExpectNothingStored();
    }

    private void ExpectNothingStored()
    {
        World.Service.Query(CrmWorld.Admin, new RecordQuery { Entity = "Lead" }).Page!.Records.Should().BeEmpty();
        World.Service.ChangeLog(CrmWorld.Admin, new ChangeLogQuery { Entity = "Lead" }).Should().BeEmpty();
        World.Service.FindDuplicates(CrmWorld.Admin, "Lead").Should().BeEmpty();
        World.Database.Outbox.PendingCount().Should().Be(0);
        World.Database.Schemas.CountRecords("Lead").Should().Be(0);
    }

    private static List<(RecordChangeKind, string, string?, string?, Guid?, DateTime)> ChangeLog(RecordService service, Guid id) =>
        service.ChangeLog(CrmWorld.Ann, new ChangeLogQuery { Entity = "Lead", RecordId = id })!
            .Select(e => (e.Kind, e.Field, e.OldValue, e.NewValue, e.UserId, e.ChangedOn)).ToList();

    /// <summary>A lead with the kinds of values the schema normalises: padded and mixed-case text, control characters, a default status, money, a date-time with an offset, a lookup, empty fields.</summary>
    private static JsonObject Lead(int i, Guid? account)
    {
        var lead = new JsonObject
        {
            ["name"] = $"  Lead {i} ",
            // Tabs, line breaks, backslashes and quotes are what COPY's text format must escape.
            ["company"] = i % 10 == 3 ? $"Company {i}\twith tab\\backslash \"quotes\"\r\nand a line – Müller 東京" : $"Company {i}",
            ["email"] = i % 4 == 0 ? null : $" Person.{i}@Example.COM",
            ["phone"] = $"+1 (555) {i:000}-{i:0000}",
            ["score"] = i % 101,
            ["budget"] = i % 4 == 1 ? null : 1000.25m + i,
            ["source"] = i % 3 == 0 ? "web" : "referral",
        };
        if (i % 5 != 0)
        {
            lead["status"] = i % 2 == 0 ? "qualifying" : "new";
        }

        if (i % 6 == 0)
        {
            lead["qualifiedOn"] = "2026-11-20T10:00:00+02:00";
        }

        if (i % 2 == 0 && account is { } id)
        {
            lead["account"] = id.ToString("D").ToUpperInvariant();
        }

        return lead;
    }

    private sealed class FixedClock(DateTime now) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => new(now);
    }

    /// <summary>Hands the real store each change set with its last grant's grantee missing.</summary>
    private sealed class LastGrantWithoutGrantee(IRecordStore inner) : IRecordStore
    {
        public int Commits { get; private set; }

        public void Commit(RecordChangeSet changes)
        {
            Commits++;
            changes.Grants[^1] = changes.Grants[^1] with { Grantee = null! };
            inner.Commit(changes);
        }

        public Record? Find(string entity, Guid id) => inner.Find(entity, id);

        public IReadOnlySet<Guid> ExistingIds(string entity, IReadOnlyCollection<Guid> ids) => inner.ExistingIds(entity, ids);

        public IReadOnlyList<Record> FindReferencing(string entity, string field, Guid id) => inner.FindReferencing(entity, field, id);

        public RecordPage Query(QueryPlan plan) => inner.Query(plan);

        public IReadOnlyList<DuplicateMatch> FindDuplicates(string entity, IReadOnlyCollection<DuplicateKey> keys, Guid? except) => inner.FindDuplicates(entity, keys, except);

        public IReadOnlyList<DuplicateGroup> DuplicateGroups(string entity) => inner.DuplicateGroups(entity);

        public IReadOnlyList<ChangeLogEntry> ChangeLog(ChangeLogQuery query) => inner.ChangeLog(query);

        public IReadOnlyList<RecordGrant> Grants(Guid recordId) => inner.Grants(recordId);

        public void RemoveGrant(Guid recordId, GranteeKind kind, string grantee) => inner.RemoveGrant(recordId, kind, grantee);
    }
}
