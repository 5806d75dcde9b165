using System.Text.Json.Nodes;
using Crm.Bpm.Entities.Schemas;
using Crm.Bpm.Entities.Tests.Infrastructure;

namespace Crm.Bpm.Entities.Tests.Schemas;

/// <summary>Schema versions, and changes the stored records cannot take, on each database.</summary>
public abstract class SchemaRegistryTests : EntitiesTestBase
{
    private static string Product(Action<JsonObject> change)
    {
        var document = JsonNode.Parse(File.ReadAllText(Path.Combine(CrmWorld.SchemasFolder, "Product.schema.json")))!.AsObject();
        change(document);
        return document.ToJsonString();
    }

    private void SeedProducts(int count)
    {
        for (var i = 0; i < count; i++)
        {
            World.Service.Create(CrmWorld.Admin, "Product", Json.Object($$"""{ "name": "P{{i}}", "price": {{i}}, "code": "C{{i}}" }""")).Succeeded.Should().BeTrue();
        }
    }

    [DatabaseFact]
    public void BaseSchemas_AreAllRegistered_AsVersionOne()
    {
        World.Registry.All.Select(s => (s.Name, s.Version)).Should().BeEquivalentTo(new[]
        {
            ("Account", 1), ("Activity", 1), ("Contact", 1), ("Lead", 1), ("Opportunity", 1), ("Order", 1), ("OrderItem", 1), ("Product", 1),
        });
        new SchemaRegistry(World.Database.Schemas).All.Should().HaveCount(8, "the versions are stored");
        World.Registry.Register(CrmWorld.BaseSchemas().ToList()).Schemas.Should().BeEmpty("registering the same documents again changes nothing");
    }

    [DatabaseFact]
    public void NewRequiredFieldWithoutDefault_IsRefused_WithTheNumberOfRecords()
    {
        SeedProducts(3);

        var result = World.Registry.Register(Product(d =>
        {
            d["properties"]!["vendor"] = new JsonObject { ["type"] = "string" };
            d["required"]!.AsArray().Add("vendor");
        }), "Product.schema.json");

        result.Succeeded.Should().BeFalse();
        var refusal = result.Diagnostics.Single();
        refusal.ElementId.Should().Be("$.properties.vendor");
        refusal.Message.Should().Contain("3 record(s) have no value").And.Contain("default");
        World.Registry.Find("Product")!.Version.Should().Be(1);
    }

    [DatabaseFact]
    public void NewRequiredFieldWithDefault_IsAccepted_AndFillsTheRecords()
    {
        SeedProducts(2);

        var result = World.Registry.Register(Product(d =>
        {
            d["properties"]!["vendor"] = new JsonObject { ["type"] = "string", ["default"] = "in-house" };
            d["required"]!.AsArray().Add("vendor");
        }));

        result.Succeeded.Should().BeTrue(string.Join("; ", result.Diagnostics));
        World.Registry.Find("Product")!.Version.Should().Be(2);
        World.Registry.Versions("Product").Select(v => v.Version).Should().Equal(1, 2);
        World.Service.Query(CrmWorld.Admin, new() { Entity = "Product" }).Page!.Records
            .Should().OnlyContain(r => r.Values["vendor"]!.GetValue<string>() == "in-house");
    }

    [DatabaseFact]
    public void TypeChange_IsRefused_WhenRecordsHoldValues_AndAcceptedWhenNoneDo()
    {
        var toNumber = Product(d => d["properties"]!["code"] = new JsonObject { ["type"] = "integer" });
        World.Registry.Register(toNumber).Succeeded.Should().BeTrue("no record holds a code yet");

        var registry = World.Registry;
        registry.Register(Product(d => d["properties"]!["code"] = new JsonObject { ["type"] = "string" })).Succeeded.Should().BeTrue();
        SeedProducts(4);
        var refused = registry.Register(toNumber);

        refused.Succeeded.Should().BeFalse();
        refused.Diagnostics.Single().Message.Should().Contain("cannot change from Text to Integer: 4 record(s) hold a value");
    }

    [DatabaseFact]
    public void RemovingAListChoiceInUse_OrAFieldWithValues_IsRefused()
    {
        SeedProducts(2);

        var fewerUnits = World.Registry.Register(Product(d => d["properties"]!["unit"]!["x-crm-list"]!.AsArray().RemoveAt(0)));
        fewerUnits.Diagnostics.Should().ContainSingle(string.Join("; ", fewerUnits.Diagnostics));
        fewerUnits.Diagnostics.Single().Message.Should().Contain("would lose choices that 2 record(s) hold");

        var noCode = World.Registry.Register(Product(d =>
        {
            d["properties"]!.AsObject().Remove("code");
            d.Remove("x-crm-searchFields");
            d.Remove("x-crm-duplicateRules");
        }));
        noCode.Diagnostics.Single().Message.Should().Contain("would lose the values of 2 record(s)").And.Contain("rename");
    }

    [DatabaseFact]
    public void Rename_IsAnExplicitMigration_ThatMovesValuesAndHistory()
    {
        SeedProducts(2);
        var product = World.Service.Query(CrmWorld.Admin, new() { Entity = "Product", Sort = [new("name")] }).Page!.Records[0];
        World.Service.Update(CrmWorld.Admin, "Product", product.Id, 1, Json.Object("""{ "price": 5 }""")).Succeeded.Should().BeTrue();

        var result = World.Registry.RenameField("Product", "price", "listPrice");

        result.Succeeded.Should().BeTrue(string.Join("; ", result.Diagnostics));
        var schema = World.Registry.Find("Product")!;
        schema.Version.Should().Be(2);
        schema.Field("listPrice")!.Required.Should().BeTrue();
        schema.Field("price").Should().BeNull();
        var read = World.Service.Read(CrmWorld.Admin, "Product", product.Id).Record!;
        read.Values["listPrice"]!.GetValue<decimal>().Should().Be(5);
        read.Values.ContainsKey("price").Should().BeFalse();
        World.Service.ChangeLog(CrmWorld.Admin, new() { Entity = "Product", RecordId = product.Id, Field = "listPrice" })!.Should().HaveCount(2);
        World.Registry.RenameField("Product", "name", "listPrice").Diagnostics.Single().Message.Should().Contain("already has a field 'listPrice'");
    }

    [DatabaseFact]
    public void LookupToAnUnregisteredEntity_IsRefused()
    {
        var result = World.Registry.Register(Product(d => d["properties"]!["supplier"] = JsonNode.Parse("""{ "type": "string", "x-crm-lookup": { "entity": "Supplier" } }""")));

        result.Diagnostics.Single().ElementId.Should().Be("$.properties.supplier.x-crm-lookup.entity");
    }
}
