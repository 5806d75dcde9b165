using Crm.Bpm.Entities.Records;
using Crm.Bpm.Entities.Tests.Infrastructure;

namespace Crm.Bpm.Entities.Tests.Records;

/// <summary>The change log per record and field, and duplicate rules on save and in bulk, on each database.</summary>
public abstract class ChangeLogAndDuplicateTests : EntitiesTestBase
{
    private RecordService Service => World.Service;

    [DatabaseFact]
    public void ChangeLog_HoldsEveryChangeOfLoggedFields_WithWhoWhenOldAndNew()
    {
        var lead = Service.Create(CrmWorld.Ann, "Lead", Json.Object("""{ "name": "Jane", "company": "Roe Ltd", "score": 10 }""")).Record!;
        Service.Update(CrmWorld.Bob, "Lead", lead.Id, 1, Json.Object("""{ "score": 20, "company": "Roe plc" }""")).Succeeded.Should().BeTrue();
        Service.Update(CrmWorld.Ann, "Lead", lead.Id, 2, Json.Object("""{ "score": 30, "status": "qualifying" }""")).Succeeded.Should().BeTrue();
        Service.Delete(CrmWorld.Ann, "Lead", lead.Id).Succeeded.Should().BeTrue();

        var score = Service.ChangeLog(CrmWorld.Admin, new ChangeLogQuery { Entity = "Lead", RecordId = lead.Id, Field = "score" })!;
        score.Select(e => (e.Kind, e.OldValue, e.NewValue, e.UserId)).Should().Equal(
            (RecordChangeKind.Created, null, "10", CrmWorld.Ann.Id),
            (RecordChangeKind.Updated, "10", "20", CrmWorld.Bob.Id),
            (RecordChangeKind.Updated, "20", "30", CrmWorld.Ann.Id),
            (RecordChangeKind.Deleted, "30", null, CrmWorld.Ann.Id));
        score.Should().OnlyContain(e => e.ChangedOn > DateTime.UtcNow.AddMinutes(-5) && e.ChangedOn <= DateTime.UtcNow);

        var all = Service.ChangeLog(CrmWorld.Admin, new ChangeLogQuery { Entity = "Lead", RecordId = lead.Id })!;
        all.Select(e => e.Field).Should().NotContain("company", "the Lead schema does not log company");
        all.Where(e => e.Field == "status").Select(e => e.NewValue).Should().Equal("\"new\"", "\"qualifying\"", null);
        Service.ChangeLog(CrmWorld.Admin, new ChangeLogQuery { Entity = "Lead", UserId = CrmWorld.Bob.Id })!.Should().ContainSingle();
    }

    [DatabaseFact]
    public void BlockingRule_RefusesANormalisedDuplicate_AndStoresNothing()
    {
        Service.Create(CrmWorld.Admin, "Contact", Json.Object("""{ "fullName": "John Doe", "email": "John.Doe@Example.com" }""")).Succeeded.Should().BeTrue();

        var second = Service.Create(CrmWorld.Admin, "Contact", Json.Object("""{ "fullName": "J. Doe", "email": "  john.doe@example.COM " }"""));

        second.Failure.Should().Be(RecordFailure.Duplicate);
        second.Diagnostics.Single().Message.Should().Contain("'John Doe' already matches under the rule 'same e-mail'");
        Service.Query(CrmWorld.Admin, new() { Entity = "Contact" }).Page!.Records.Should().ContainSingle();
    }

    [DatabaseFact]
    public void WarningRules_SaveButReport_AndTheBulkCheckFindsSeededDuplicates()
    {
        Service.Create(CrmWorld.Admin, "Lead", Json.Object("""{ "name": "Ada Lovelace", "company": "ACME  Corp.", "phone": "+1 (555) 010-2000" }""")).Succeeded.Should().BeTrue();
        Service.Create(CrmWorld.Admin, "Lead", Json.Object("""{ "name": "Grace Hopper", "phone": "555-010-2000" }""")).Duplicates
            .Should().ContainSingle(d => d.Rule == "same phone" && d.DisplayText == "Ada Lovelace");
        Service.Create(CrmWorld.Admin, "Lead", Json.Object("""{ "name": "ada lovelace", "company": "Acme corp" }""")).Duplicates
            .Should().ContainSingle(d => d.Rule == "same name and company");
        Service.Create(CrmWorld.Admin, "Lead", Json.Object("""{ "name": "Alan Turing", "email": "alan@bletchley.example" }""")).Duplicates.Should().BeEmpty();
        Service.Create(CrmWorld.Admin, "Lead", Json.Object("""{ "name": "A. Turing", "email": "ALAN@bletchley.example" }""")).Succeeded.Should().BeTrue();

        var groups = Service.FindDuplicates(CrmWorld.Admin, "Lead")!;

        groups.Select(g => (g.Rule, g.RecordIds.Count)).Should().BeEquivalentTo(new[] { ("same phone", 2), ("same name and company", 2), ("same e-mail", 2) });
        var names = groups.Single(g => g.Rule == "same e-mail").RecordIds.Select(id => Service.Read(CrmWorld.Admin, "Lead", id).Record!.Values["name"]!.GetValue<string>());
        names.Should().BeEquivalentTo("Alan Turing", "A. Turing");
    }
    [DatabaseFact]
    public void VeryLongValues_AreSaved_AndStillMatchAsDuplicates()
    {
        // Duplicate keys longer than the key column are stored as a digest: a 1,000-character e-mail is saved, and the
        // same e-mail in other case is still found by the blocking rule.
        var local = new string('a', 980);
        Service.Create(CrmWorld.Admin, "Contact", Json.Object($$"""{ "fullName": "Long Mail", "email": "{{local}}@example.com" }""")).Succeeded.Should().BeTrue();

        var second = Service.Create(CrmWorld.Admin, "Contact", Json.Object($$"""{ "fullName": "Long Mail 2", "email": "{{local.ToUpperInvariant()}}@EXAMPLE.com" }"""));
        var other = Service.Create(CrmWorld.Admin, "Contact", Json.Object($$"""{ "fullName": "Other", "email": "{{local}}b@example.com" }"""));

        second.Failure.Should().Be(RecordFailure.Duplicate);
        second.Diagnostics.Single().Message.Should().Contain("'Long Mail' already matches under the rule 'same e-mail'");
        other.Succeeded.Should().BeTrue("a different long e-mail is not a duplicate");
        Service.Query(CrmWorld.Admin, new() { Entity = "Contact" }).Page!.Records.Should().HaveCount(2);
    }
}
