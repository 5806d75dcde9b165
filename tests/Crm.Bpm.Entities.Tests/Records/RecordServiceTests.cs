using System.Text.Json.Nodes;
using Crm.Bpm.Entities.Records;
using Crm.Bpm.Entities.Tests.Infrastructure;

namespace Crm.Bpm.Entities.Tests.Records;

/// <summary>Create, read, update and delete through the record service, on each database.</summary>
public abstract class RecordServiceTests : EntitiesTestBase
{
    private static readonly Guid Missing = Guid.Parse("11111111-2222-3333-4444-555555555555");

    protected RecordService Service => World.Service;

    private Guid CreateAccount(string name)
    {
        var result = Service.Create(CrmWorld.Admin, "Account", Json.Object($$"""{ "name": "{{name}}" }"""));
        result.Succeeded.Should().BeTrue(string.Join("; ", result.Diagnostics));
        return result.Record!.Id;
    }

    [DatabaseFact]
    public void Create_StoresTheRecord_WithDefaultsOwnerAndVersion()
    {
        var created = Service.Create(CrmWorld.Ann, "Lead", Json.Object("""{ "name": " Jane Roe ", "email": "jane@roe.example", "budget": 1200.50, "qualifiedOn": "2026-11-23T10:00:00+02:00" }"""));

        created.Succeeded.Should().BeTrue(string.Join("; ", created.Diagnostics));
        var read = Service.Read(CrmWorld.Ann, "Lead", created.Record!.Id).Record!;
        read.Version.Should().Be(1);
        read.Owner.Should().Be(CrmWorld.Ann.Id);
        read.CreatedBy.Should().Be(CrmWorld.Ann.Id);
        read.Values["name"]!.GetValue<string>().Should().Be("Jane Roe");
        read.Values["status"]!.GetValue<string>().Should().Be("new");
        read.Values["budget"]!.GetValue<decimal>().Should().Be(1200.50m);
        read.Values["qualifiedOn"]!.GetValue<string>().Should().Be("2026-11-23T08:00:00.000Z");
    }

    [DatabaseFact]
    public void Create_ReportsEveryFieldErrorAtOnce_AndStoresNothing()
    {
        var result = Service.Create(CrmWorld.Ann, "Lead", Json.Object($$"""
            { "email": "not-an-address", "phone": "call me", "website": "ftp://x", "score": 150, "status": "hot",
              "budget": 10.555, "qualifiedOn": "yesterday", "account": "{{Missing}}", "colour": "red" }
            """));

        result.Failure.Should().Be(RecordFailure.Invalid);
        result.Diagnostics.Select(d => d.ElementId).Should().BeEquivalentTo(
            "name", "email", "phone", "website", "score", "status", "budget", "qualifiedOn", "account", "colour");
        result.Diagnostics.Single(d => d.ElementId == "name").Message.Should().Be("Contact name is required.");
        result.Diagnostics.Single(d => d.ElementId == "account").Message.Should().Contain($"no Account record with id {Missing}");
        result.Diagnostics.Single(d => d.ElementId == "status").Message.Should().Contain("'new' (New)");
        Service.Query(CrmWorld.Admin, new() { Entity = "Lead" }).Page!.Records.Should().BeEmpty();
        World.Database.Outbox.PendingCount().Should().Be(0);
    }

    [DatabaseFact]
    public void Update_ChangesOnlyGivenFields_AndCountsTheVersion()
    {
        var id = Service.Create(CrmWorld.Ann, "Lead", Json.Object("""{ "name": "Jane Roe", "company": "Roe Ltd" }""")).Record!.Id;

        var updated = Service.Update(CrmWorld.Ann, "Lead", id, 1, Json.Object("""{ "status": "qualifying", "company": null, "score": 40 }"""));

        updated.Succeeded.Should().BeTrue(string.Join("; ", updated.Diagnostics));
        var read = Service.Read(CrmWorld.Ann, "Lead", id).Record!;
        read.Version.Should().Be(2);
        read.Values["status"]!.GetValue<string>().Should().Be("qualifying");
        read.Values["score"]!.GetValue<int>().Should().Be(40);
        read.Values.ContainsKey("company").Should().BeFalse();
        read.Values["name"]!.GetValue<string>().Should().Be("Jane Roe");
    }

    [DatabaseFact]
    public void Update_FromAStaleVersion_IsAConflict_AndLosesNothing()
    {
        var id = Service.Create(CrmWorld.Ann, "Lead", Json.Object("""{ "name": "Jane Roe" }""")).Record!.Id;
        Service.Update(CrmWorld.Ann, "Lead", id, 1, Json.Object("""{ "score": 10 }""")).Succeeded.Should().BeTrue();

        var stale = Service.Update(CrmWorld.Bob, "Lead", id, 1, Json.Object("""{ "company": "Roe Ltd" }"""));

        stale.Failure.Should().Be(RecordFailure.Conflict);
        stale.Diagnostics.Single().Message.Should().Contain("you had version 1, it is now at version 2");
        var again = Service.Read(CrmWorld.Bob, "Lead", id).Record!;
        Service.Update(CrmWorld.Bob, "Lead", id, again.Version, Json.Object("""{ "company": "Roe Ltd" }""")).Succeeded.Should().BeTrue();
        var final = Service.Read(CrmWorld.Ann, "Lead", id).Record!;
        final.Values["score"]!.GetValue<int>().Should().Be(10);
        final.Values["company"]!.GetValue<string>().Should().Be("Roe Ltd");
        final.Version.Should().Be(3);
    }

    [DatabaseFact]
    public async Task ConcurrentUpdates_OfOneVersion_LetExactlyOneWin()
    {
        var id = Service.Create(CrmWorld.Ann, "Lead", Json.Object("""{ "name": "Jane Roe" }""")).Record!.Id;

        var results = await Task.WhenAll(Enumerable.Range(1, 8).Select(i =>
            Task.Run(() => Service.Update(CrmWorld.Ann, "Lead", id, 1, Json.Object($$"""{ "score": {{i}} }""")))));

        results.Count(r => r.Succeeded).Should().Be(1);
        results.Where(r => !r.Succeeded).Should().OnlyContain(r => r.Failure == RecordFailure.Conflict);
        var winner = results.Single(r => r.Succeeded).Record!.Values["score"]!.GetValue<int>();
        Service.Read(CrmWorld.Ann, "Lead", id).Record!.Values["score"]!.GetValue<int>().Should().Be(winner);
        World.Database.Outbox.PendingCount().Should().Be(2);
    }

    [DatabaseFact]
    public void Delete_IsRefused_WhileRestrictingRecordsReferToIt()
    {
        var account = CreateAccount("Acme");
        var opportunity = Service.Create(CrmWorld.Admin, "Opportunity", Json.Object($$"""{ "title": "Acme renewal", "account": "{{account}}" }""")).Record!;

        var refused = Service.Delete(CrmWorld.Admin, "Account", account);

        refused.Failure.Should().Be(RecordFailure.Restricted);
        refused.Diagnostics.Single().Message.Should().Contain("1 Opportunity record(s) refer to this Account through 'account'").And.Contain("Acme renewal");
        Service.Read(CrmWorld.Admin, "Account", account).Succeeded.Should().BeTrue();
        Service.Delete(CrmWorld.Admin, "Opportunity", opportunity.Id, opportunity.Version).Succeeded.Should().BeTrue();
        Service.Delete(CrmWorld.Admin, "Account", account).Succeeded.Should().BeTrue();
        Service.Read(CrmWorld.Admin, "Account", account).Failure.Should().Be(RecordFailure.NotFound);
    }

    [DatabaseFact]
    public void Delete_CascadesToOrderItems_AndClearsLookupsOfOthers()
    {
        var account = CreateAccount("Acme");
        var contact = Service.Create(CrmWorld.Admin, "Contact", Json.Object($$"""{ "fullName": "John Doe", "account": "{{account}}" }""")).Record!.Id;
        var product = Service.Create(CrmWorld.Admin, "Product", Json.Object("""{ "name": "Widget", "price": 9.99 }""")).Record!.Id;
        var order = Service.Create(CrmWorld.Admin, "Order", Json.Object($$"""{ "number": "SO-1", "account": "{{account}}", "contact": "{{contact}}" }""")).Record!.Id;
        var items = Enumerable.Range(1, 2).Select(i => Service.Create(CrmWorld.Admin, "OrderItem",
            Json.Object($$"""{ "name": "Widget", "order": "{{order}}", "product": "{{product}}", "quantity": {{i}}, "price": 9.99 }""")).Record!.Id).ToList();

        Service.Delete(CrmWorld.Admin, "Order", order).Succeeded.Should().BeTrue();
        items.Should().OnlyContain(i => Service.Read(CrmWorld.Admin, "OrderItem", i).Failure == RecordFailure.NotFound);
        Service.Delete(CrmWorld.Admin, "Account", account).Succeeded.Should().BeTrue();

        var cleared = Service.Read(CrmWorld.Admin, "Contact", contact).Record!;
        cleared.Values.ContainsKey("account").Should().BeFalse();
        cleared.Version.Should().Be(2);
        Service.Delete(CrmWorld.Admin, "Product", product).Succeeded.Should().BeTrue();
    }

    [DatabaseFact]
    public void UnknownEntity_IsReported_WithTheKnownOnes()
    {
        var result = Service.Create(CrmWorld.Admin, "Leed", new JsonObject());

        result.Failure.Should().Be(RecordFailure.Invalid);
        result.Diagnostics.Single().Message.Should().Contain("There is no entity 'Leed'").And.Contain("Lead");
    }
}
