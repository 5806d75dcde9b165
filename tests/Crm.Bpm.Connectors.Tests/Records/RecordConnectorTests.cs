using System.Text.Json.Nodes;
using Crm.Bpm.Connectors.Records;
using Crm.Bpm.Connectors.Tests.Infrastructure;
using Crm.Bpm.Engine.Hosting;

namespace Crm.Bpm.Connectors.Tests.Records;

/// <summary>The record connectors against a real database (SQLite and PostgreSQL): create, update, read, delete through the record service.</summary>
public sealed class RecordConnectorTests(TestDatabases databases) : IClassFixture<TestDatabases>
{
    public static TheoryData<string> Providers() => TestDatabases.Providers();

    private static Dictionary<string, string> Headers(params (string Key, string Value)[] headers) => headers.ToDictionary(h => h.Key, h => h.Value);

    [Theory]
    [MemberData(nameof(Providers))]
    public void CreateRecord_StoresTheRecord_AndPutsItIntoTheResultVariable(string provider)
    {
        using var world = new CrmTestWorld(provider, databases.Fresh(provider));
        var handler = new CreateRecordHandler(new RecordConnectorContext(world.Records, world.Entities.Access));

        var outcome = TestJobs.Run(handler, TestJobs.Context("crm:create-record", Headers(("entity", "Lead"), ("resultVariable", "lead")),
            """{"values": {"name": "Ada Lovelace", "company": "Analytical Engines", "budget": 25000}}"""));

        outcome.Kind.Should().Be(JobOutcomeKind.Complete, outcome.ToString());
        var lead = (JsonObject)outcome.Variables!["lead"]!;
        lead["name"]!.GetValue<string>().Should().Be("Ada Lovelace");
        lead["status"]!.GetValue<string>().Should().Be("new", "the schema's default applies");
        var stored = world.Records.Read(CrmTestWorld.Admin, "Lead", Guid.Parse(lead["id"]!.GetValue<string>()));
        stored.Record!.Values["company"]!.GetValue<string>().Should().Be("Analytical Engines");
        stored.Record.Values["budget"]!.GetValue<decimal>().Should().Be(25000m);
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public void CreateRecord_WithInvalidValues_FailsWithoutRetries_NamingEveryField_AndStoresNothing(string provider)
    {
        using var world = new CrmTestWorld(provider, databases.Fresh(provider));
        var handler = new CreateRecordHandler(new RecordConnectorContext(world.Records, world.Entities.Access));

        var outcome = TestJobs.Run(handler, TestJobs.Context("crm:create-record", Headers(("entity", "Lead")),
            """{"values": {"company": "No Name Ltd", "email": "not-an-address", "score": 300}}"""));

        outcome.Kind.Should().Be(JobOutcomeKind.Fail);
        outcome.Retries.Should().Be(0, "an invalid record does not become valid by retrying");
        outcome.ErrorMessage.Should().Contain("name").And.Contain("email").And.Contain("score");
        world.Entities.Outbox.PendingCount().Should().Be(0, "nothing was stored, so no record event exists");
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public void CreateRecord_WithAnErrorCode_ThrowsThatBpmnError_WhenRefused(string provider)
    {
        using var world = new CrmTestWorld(provider, databases.Fresh(provider));
        var handler = new CreateRecordHandler(new RecordConnectorContext(world.Records, world.Entities.Access));

        var outcome = TestJobs.Run(handler, TestJobs.Context("crm:create-record", Headers(("entity", "Lead"), ("errorCode", "lead-invalid")),
            """{"values": {"company": "No Name Ltd"}}"""));

        outcome.Kind.Should().Be(JobOutcomeKind.Error);
        outcome.ErrorCode.Should().Be("lead-invalid");
        outcome.ErrorMessage.Should().Contain("name");
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public void UpdateRecord_ChangesTheGivenFields_AtTheStoredVersion(string provider)
    {
        using var world = new CrmTestWorld(provider, databases.Fresh(provider));
        var created = world.Records.Create(CrmTestWorld.Admin, "Lead", new JsonObject { ["name"] = "Grace Hopper", ["budget"] = 1000 }).Record!;
        var handler = new UpdateRecordHandler(new RecordConnectorContext(world.Records, world.Entities.Access));

        var outcome = TestJobs.Run(handler, TestJobs.Context("crm:update-record", Headers(("entity", "Lead"), ("recordId", "=lead.id")),
            $$$"""{"lead": {"id": "{{{created.Id}}}"}, "values": {"status": "qualifying", "score": 72}}"""));

        outcome.Kind.Should().Be(JobOutcomeKind.Complete, outcome.ToString());
        var stored = world.Records.Read(CrmTestWorld.Admin, "Lead", created.Id).Record!;
        stored.Version.Should().Be(2);
        stored.Values["status"]!.GetValue<string>().Should().Be("qualifying");
        stored.Values["score"]!.GetValue<int>().Should().Be(72);
        stored.Values["budget"]!.GetValue<decimal>().Should().Be(1000m, "fields not named stay as they were");
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public void ReadRecords_PutsTheFilteredSortedRecordsIntoAList(string provider)
    {
        using var world = new CrmTestWorld(provider, databases.Fresh(provider));
        foreach (var (name, status, score) in new[] { ("A", "new", 10), ("B", "qualified", 90), ("C", "new", 50), ("D", "new", 30) })
        {
            world.Records.Create(CrmTestWorld.Admin, "Lead", new JsonObject { ["name"] = name, ["status"] = status, ["score"] = score }).Succeeded.Should().BeTrue();
        }

        var handler = new ReadRecordsHandler(new RecordConnectorContext(world.Records, world.Entities.Access));
        var outcome = TestJobs.Run(handler, TestJobs.Context("crm:read-records", Headers(("entity", "Lead"), ("resultVariable", "newLeads"), ("maxRecords", "2")),
            """{"filters": [{"field": "status", "operator": "equal", "value": "new"}], "sort": ["-score"]}"""));

        outcome.Kind.Should().Be(JobOutcomeKind.Complete, outcome.ToString());
        var names = ((JsonArray)outcome.Variables!["newLeads"]!).Select(r => r!["name"]!.GetValue<string>());
        names.Should().Equal("C", "D");
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public void ReadRecords_WithAnUnknownOperator_FailsWithoutRetries_ListingTheOperators(string provider)
    {
        using var world = new CrmTestWorld(provider, databases.Fresh(provider));
        var handler = new ReadRecordsHandler(new RecordConnectorContext(world.Records, world.Entities.Access));

        var outcome = TestJobs.Run(handler, TestJobs.Context("crm:read-records", Headers(("entity", "Lead")),
            """{"filters": [{"field": "status", "operator": "like", "value": "n%"}]}"""));

        outcome.Kind.Should().Be(JobOutcomeKind.Fail);
        outcome.Retries.Should().Be(0);
        outcome.ErrorMessage.Should().Contain("'like' is not a filter operator").And.Contain("StartsWith");
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public void DeleteRecord_RemovesTheRecord_AndARetryFindsTheWorkDone(string provider)
    {
        using var world = new CrmTestWorld(provider, databases.Fresh(provider));
        var created = world.Records.Create(CrmTestWorld.Admin, "Lead", new JsonObject { ["name"] = "Temporary" }).Record!;
        var handler = new DeleteRecordHandler(new RecordConnectorContext(world.Records, world.Entities.Access));
        var job = TestJobs.Context("crm:delete-record", Headers(("entity", "Lead")), $$"""{"recordId": "{{created.Id}}"}""");

        TestJobs.Run(handler, job).Kind.Should().Be(JobOutcomeKind.Complete);
        world.Records.Read(CrmTestWorld.Admin, "Lead", created.Id).Succeeded.Should().BeFalse();
        var again = TestJobs.Run(handler, job);
        again.Kind.Should().Be(JobOutcomeKind.Complete);
        again.Variables!["deleted"].Should().Be(false);
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public void RunAs_AppliesTheUsersRights(string provider)
    {
        using var world = new CrmTestWorld(provider, databases.Fresh(provider));
        var handler = new CreateRecordHandler(new RecordConnectorContext(world.Records, world.Entities.Access));

        world.Entities.Access.SaveOperationRight(new Crm.Bpm.Entities.Access.OperationRight("Lead", "Sales", Create: true, Read: true, Update: true, Delete: false));

        // Only Sales may create leads: Carol (Support) is refused by the record service, Ann (Sales) is not.
        var outcome = TestJobs.Run(handler, TestJobs.Context("crm:create-record", Headers(("entity", "Lead"), ("runAs", CrmTestWorld.Carol.Id.ToString())),
            """{"values": {"name": "Not allowed"}}"""));

        outcome.Kind.Should().Be(JobOutcomeKind.Fail);
        outcome.ErrorMessage.Should().Contain("Forbidden");
        var allowed = TestJobs.Run(handler, TestJobs.Context("crm:create-record", Headers(("entity", "Lead"), ("runAs", CrmTestWorld.Ann.Id.ToString())),
            """{"values": {"name": "Allowed"}}"""));
        allowed.Kind.Should().Be(JobOutcomeKind.Complete, allowed.ToString());
        ((JsonObject)allowed.Variables!["record"]!)["createdBy"]!.GetValue<string>().Should().Be(CrmTestWorld.Ann.Id.ToString());
    }
}
