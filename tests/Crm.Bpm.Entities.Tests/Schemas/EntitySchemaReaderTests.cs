using Crm.Bpm.Entities.Schemas;
using Crm.Bpm.Entities.Tests.Infrastructure;

namespace Crm.Bpm.Entities.Tests.Schemas;

public class EntitySchemaReaderTests
{
    private static string Fixture(string name) => File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Fixtures", name));

    [Fact]
    public void BaseSchemas_AllRead_WithTheirLookupsAndLists()
    {
        var schemas = CrmWorld.BaseSchemas().Select(s => EntitySchemaReader.Read(s.Json, s.File)).ToList();

        schemas.SelectMany(s => s.Diagnostics).Should().BeEmpty();
        schemas.Select(s => s.Schema!.Name).Should().BeEquivalentTo(["Account", "Activity", "Contact", "Lead", "Opportunity", "Order", "OrderItem", "Product"]);
        var lead = schemas.Single(s => s.Schema!.Name == "Lead").Schema!;
        lead.DisplayField.Should().Be("name");
        lead.Field("email")!.Format.Should().Be(FieldFormat.Email);
        lead.Field("budget")!.Format.Should().Be(FieldFormat.Money);
        lead.Field("phone")!.Format.Should().Be(FieldFormat.Phone);
        lead.Field("website")!.Format.Should().Be(FieldFormat.Url);
        lead.Field("status")!.ListItems.Select(i => i.Label).Should().Contain("Qualifying");
        lead.Field("status")!.Required.Should().BeTrue();
        lead.Field("account")!.Lookup.Should().Be(new LookupReference("Account", DeleteBehavior.Clear));
        lead.Indexes.Select(i => i.Name).Should().Contain(["status_score", "email", "account"]);
        lead.DuplicateRules.Should().HaveCount(3);
        lead.RecordRights.Should().BeTrue();
        var item = schemas.Single(s => s.Schema!.Name == "OrderItem").Schema!;
        item.Field("order")!.Lookup!.OnDelete.Should().Be(DeleteBehavior.Cascade);
        item.Field("product")!.Lookup!.OnDelete.Should().Be(DeleteBehavior.Restrict);
        var activity = schemas.Single(s => s.Schema!.Name == "Activity").Schema!;
        activity.Field("type")!.ListItems.Select(i => i.Value).Should().Equal("task", "call", "meeting");
        activity.Field("dueDate")!.Type.Should().Be(FieldType.DateTime);
        activity.Field("result")!.Type.Should().Be(FieldType.List);
    }

    [Fact]
    public void MalformedJson_IsRefused_WithLineAndColumn()
    {
        var result = EntitySchemaReader.Read(Fixture("malformed.schema.json"), "malformed.schema.json");

        result.Schema.Should().BeNull();
        var error = result.Diagnostics.Should().ContainSingle().Subject;
        error.Code.Should().Be("SCH001");
        error.File.Should().Be("malformed.schema.json");
        error.Line.Should().Be(7, "the missing comma shows at the next property");
    }

    [Fact]
    public void InvalidJsonSchema_IsRefused_WithTheJsonPathOfEveryProblem()
    {
        var result = EntitySchemaReader.Read(Fixture("invalid.schema.json"), "invalid.schema.json");

        result.Schema.Should().BeNull();
        result.Diagnostics.Should().OnlyContain(d => d.IsError && d.File == "invalid.schema.json");
        result.Diagnostics.Select(d => d.ElementId).Should().BeEquivalentTo(
            "$.properties.name.maxLength",
            "$.properties.age.type",
            "$.properties.email.format",
            "$.properties.account.x-crm-lookup.onDelete",
            "$.properties.status.x-crm-list[1]",
            "$.required[1]",
            "$.x-crm-displayField",
            "$.x-crm-duplicateRules[0].action",
            "$.properties.id",
            "$.x-crm-colour");
        result.Diagnostics.Single(d => d.ElementId == "$.properties.age.type").Message.Should().Contain("'numbr' is not a JSON Schema type");
        result.Diagnostics.Single(d => d.ElementId == "$.required[1]").Message.Should().Contain("'nickname' is not a field");
    }

    [Fact]
    public void SchemaThatIsNotAnObjectType_IsRefused()
    {
        var result = EntitySchemaReader.Read("""{ "type": "array", "x-crm-entity": "X", "x-crm-displayField": "a", "properties": { "a": { "type": "string" } } }""");

        result.Diagnostics.Should().ContainSingle(d => d.ElementId == "$.type");
    }
}
