using Crm.Bpm.Entities.Access;
using Crm.Bpm.Entities.Queries;
using Crm.Bpm.Entities.Records;
using Crm.Bpm.Entities.Tests.Infrastructure;

namespace Crm.Bpm.Entities.Tests.Access;

/// <summary>Creatio's three levels of rights (operation, record, field), each denying and allowing through the record service.</summary>
public abstract class AccessRightsTests : EntitiesTestBase
{
    private static readonly CrmUser Dave = new(Guid.Parse("00000000-0000-0000-0000-0000000000d0"), "Dave Manager", ["Sales", "Managers"]);

    private RecordService Service => World.Service;

    [DatabaseFact]
    public void OperationRights_AllowOnlyWhatARoleIsGiven()
    {
        World.Database.Access.SaveOperationRight(new OperationRight("Lead", "Sales", Create: true, Read: true, Update: true, Delete: false));
        World.Database.Access.SaveOperationRight(new OperationRight("Lead", "Support", Create: false, Read: true, Update: false, Delete: false));

        var denied = Service.Create(CrmWorld.Carol, "Lead", Json.Object("""{ "name": "From support" }"""));
        denied.Failure.Should().Be(RecordFailure.Forbidden);
        denied.Diagnostics.Single().Message.Should().Be("None of your roles may create Lead records.");

        var lead = Service.Create(CrmWorld.Ann, "Lead", Json.Object("""{ "name": "From sales" }"""));
        lead.Succeeded.Should().BeTrue();
        Service.Delete(CrmWorld.Ann, "Lead", lead.Record!.Id).Failure.Should().Be(RecordFailure.Forbidden);
        Service.Delete(CrmWorld.Admin, "Lead", lead.Record.Id).Succeeded.Should().BeTrue();
        Service.Query(CrmWorld.Carol, new RecordQuery { Entity = "Lead" }).Succeeded.Should().BeTrue();
        Service.Query(CrmWorld.Carol, new RecordQuery { Entity = "Product" }).Succeeded.Should().BeTrue("an entity without operation rights is open to all");
    }

    [DatabaseFact]
    public void RecordRights_HideOthersRecords_UntilTheOwnerGrantsThem()
    {
        var account = Service.Create(CrmWorld.Admin, "Account", Json.Object("""{ "name": "Acme" }""")).Record!.Id;
        var opportunity = Service.Create(CrmWorld.Ann, "Opportunity", Json.Object($$"""{ "title": "Acme deal", "account": "{{account}}" }""")).Record!;

        Service.Read(CrmWorld.Bob, "Opportunity", opportunity.Id).Failure.Should().Be(RecordFailure.NotFound);
        Service.Query(CrmWorld.Bob, new RecordQuery { Entity = "Opportunity" }).Page!.Records.Should().BeEmpty();
        Service.Grant(CrmWorld.Bob, new RecordGrant(opportunity.Id, "Opportunity", GranteeKind.User, CrmWorld.Bob.Id.ToString(), true, true, false))
            .Failure.Should().Be(RecordFailure.Forbidden, "only the owner may grant");

        Service.Grant(CrmWorld.Ann, new RecordGrant(opportunity.Id, "Opportunity", GranteeKind.User, CrmWorld.Bob.Id.ToString(), Read: true, Update: false, Delete: false)).Succeeded.Should().BeTrue();
        Service.Read(CrmWorld.Bob, "Opportunity", opportunity.Id).Record!.Values["title"]!.GetValue<string>().Should().Be("Acme deal");
        Service.Query(CrmWorld.Bob, new RecordQuery { Entity = "Opportunity" }).Page!.Records.Should().ContainSingle();
        Service.Update(CrmWorld.Bob, "Opportunity", opportunity.Id, 1, Json.Object("""{ "amount": 100 }""")).Failure.Should().Be(RecordFailure.Forbidden);

        Service.Grant(CrmWorld.Ann, new RecordGrant(opportunity.Id, "Opportunity", GranteeKind.Role, "Sales", Read: true, Update: true, Delete: false)).Succeeded.Should().BeTrue();
        Service.Update(CrmWorld.Bob, "Opportunity", opportunity.Id, 1, Json.Object("""{ "amount": 100 }""")).Succeeded.Should().BeTrue();
        Service.Delete(CrmWorld.Bob, "Opportunity", opportunity.Id).Failure.Should().Be(RecordFailure.Forbidden);
        Service.Read(CrmWorld.Carol, "Opportunity", opportunity.Id).Failure.Should().Be(RecordFailure.NotFound);
    }

    [DatabaseFact]
    public void RecordRights_DefaultGrantsOfTheSchema_LetTheRoleIn()
    {
        var lead = Service.Create(CrmWorld.Ann, "Lead", Json.Object("""{ "name": "Shared lead" }""")).Record!;

        Service.Read(CrmWorld.Bob, "Lead", lead.Id).Succeeded.Should().BeTrue("Lead grants Sales read and update on every new record");
        Service.Update(CrmWorld.Bob, "Lead", lead.Id, 1, Json.Object("""{ "score": 5 }""")).Succeeded.Should().BeTrue();
        Service.Delete(CrmWorld.Bob, "Lead", lead.Id).Failure.Should().Be(RecordFailure.Forbidden);
        Service.Read(CrmWorld.Carol, "Lead", lead.Id).Failure.Should().Be(RecordFailure.NotFound);
        Service.Query(CrmWorld.Carol, new RecordQuery { Entity = "Lead" }).Page!.Records.Should().BeEmpty();
        Service.Delete(CrmWorld.Ann, "Lead", lead.Id).Succeeded.Should().BeTrue("the owner may delete");
    }

    [DatabaseFact]
    public void FieldRights_HideOrFreezeAFieldPerRole()
    {
        World.Database.Access.SaveUser(Dave);
        World.Database.Access.SaveFieldRight(new FieldRight("Lead", "budget", null, FieldAccess.Hidden));
        World.Database.Access.SaveFieldRight(new FieldRight("Lead", "budget", "Sales", FieldAccess.Read));
        World.Database.Access.SaveFieldRight(new FieldRight("Lead", "budget", "Managers", FieldAccess.Edit));
        var lead = Service.Create(CrmWorld.Admin, "Lead", Json.Object("""{ "name": "Budgeted", "budget": 5000 }""")).Record!;
        Service.Grant(CrmWorld.Admin, new Crm.Bpm.Entities.Access.RecordGrant(lead.Id, "Lead", GranteeKind.Role, "Support", true, true, false));

        var carolSees = Service.Read(CrmWorld.Carol, "Lead", lead.Id).Record!;
        carolSees.Values.ContainsKey("budget").Should().BeFalse();
        carolSees.Values["name"]!.GetValue<string>().Should().Be("Budgeted");
        Service.Query(CrmWorld.Carol, new RecordQuery { Entity = "Lead", Filters = [new("budget", FilterOperator.Greater, 100)] })
            .Diagnostics.Single().Code.Should().Be("QRY003");

        Service.Read(CrmWorld.Ann, "Lead", lead.Id).Record!.Values["budget"]!.GetValue<decimal>().Should().Be(5000);
        var annChanges = Service.Update(CrmWorld.Ann, "Lead", lead.Id, 1, Json.Object("""{ "budget": 1, "score": 3 }"""));
        annChanges.Failure.Should().Be(RecordFailure.Forbidden);
        annChanges.Diagnostics.Single().ElementId.Should().Be("budget");
        Service.Create(CrmWorld.Ann, "Lead", Json.Object("""{ "name": "Other", "budget": 1 }""")).Diagnostics.Single().Code.Should().Be("ACC003");

        Service.Update(CrmWorld.Ann, "Lead", lead.Id, 1, Json.Object("""{ "score": 3 }""")).Succeeded.Should().BeTrue();
        Service.Update(Dave, "Lead", lead.Id, 2, Json.Object("""{ "budget": 7000 }""")).Succeeded.Should().BeTrue();
        Service.Read(CrmWorld.Admin, "Lead", lead.Id).Record!.Values["budget"]!.GetValue<decimal>().Should().Be(7000);
    }

    [DatabaseFact]
    public void UsersAndRoles_AreStored()
    {
        World.Database.Access.SaveUser(Dave);

        World.Database.Access.FindUser(Dave.Id).Should().BeEquivalentTo(Dave);
        World.Database.Access.Roles().Select(r => r.Name).Should().Contain(["Managers", "Sales", "Support", "SysAdmins"]);
        World.Database.Access.Users().Select(u => u.Name).Should().Contain(["Ann Sales", "Dave Manager"]);
    }
}
