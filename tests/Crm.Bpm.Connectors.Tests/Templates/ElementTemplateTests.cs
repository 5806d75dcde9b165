using System.Text.Json.Nodes;
using Crm.Bpm.Connectors.Email;
using Crm.Bpm.Engine.Hosting;
using Crm.Bpm.Connectors.Tests.Infrastructure;
using Crm.Bpm.Testing;

namespace Crm.Bpm.Connectors.Tests.Templates;

/// <summary>The Camunda element templates shipped for the designer: valid JSON with the keys the template schema requires, one per built-in job type, each naming a registered handler.</summary>
public sealed class ElementTemplateTests(TestDatabases databases) : IClassFixture<TestDatabases>
{
    private static readonly string Folder = Path.Combine(SharedData.RepositoryRoot, "platform", "Crm.Bpm.Connectors", "Templates");

    private static readonly HashSet<string> Bindings = ["zeebe:taskDefinition", "zeebe:input", "zeebe:output", "zeebe:taskHeader", "zeebe:property"];

    public static TheoryData<string> Files()
    {
        var data = new TheoryData<string>();
        foreach (var file in Directory.GetFiles(Folder, "*.json").Order(StringComparer.Ordinal))
        {
            data.Add(Path.GetFileName(file));
        }

        return data;
    }

    private IReadOnlyList<string> RegisteredTypes()
    {
        using var world = new CrmTestWorld("Sqlite", databases.Fresh("Sqlite"));
        using var http = new HttpClient();
        var registry = BuiltInConnectors.AddTo(new JobHandlerRegistry(), world.Records, world.Entities.Access, world.Engine, new SmtpOptions { Host = "127.0.0.1" }, http);
        return registry.Types;
    }

    [Theory]
    [MemberData(nameof(Files))]
    public void Template_IsValidJson_WithTheRequiredKeys_AndATypeARegisteredHandlerServes(string file)
    {
        var json = JsonNode.Parse(File.ReadAllText(Path.Combine(Folder, file)))!.AsObject();

        json["$schema"]!.GetValue<string>().Should().Contain("zeebe-element-templates-json-schema");
        json["id"]!.GetValue<string>().Should().NotBeNullOrWhiteSpace();
        json["name"]!.GetValue<string>().Should().NotBeNullOrWhiteSpace();
        json["appliesTo"]!.AsArray().Select(a => a!.GetValue<string>()).Should().Contain("bpmn:Task");
        json["elementType"]!["value"]!.GetValue<string>().Should().BeOneOf("bpmn:ServiceTask", "bpmn:SendTask");
        var properties = json["properties"]!.AsArray().Select(p => p!.AsObject()).ToList();
        properties.Should().OnlyContain(p => Bindings.Contains(p["binding"]!["type"]!.GetValue<string>()));
        properties.Where(p => p["binding"]!["type"]!.GetValue<string>() is "zeebe:input" or "zeebe:output")
            .Should().NotContain(p => p["binding"]!["name"] == null && p["binding"]!["source"] == null);
        properties.Where(p => p["binding"]!["type"]!.GetValue<string>() == "zeebe:taskHeader").Should().NotContain(p => p["binding"]!["key"] == null);

        var type = properties.Single(p => p["binding"]!["type"]!.GetValue<string>() == "zeebe:taskDefinition" && p["binding"]!["property"]!.GetValue<string>() == "type");
        type["type"]!.GetValue<string>().Should().Be("Hidden");
        RegisteredTypes().Should().Contain(type["value"]!.GetValue<string>());
        file.Should().Be(type["value"]!.GetValue<string>().Replace(':', '-') + ".json");
    }

    [Fact]
    public void EveryBuiltInJobType_HasATemplate()
    {
        var templated = Directory.GetFiles(Folder, "*.json")
            .Select(f => JsonNode.Parse(File.ReadAllText(f))!["properties"]!.AsArray()
                .Single(p => p!["binding"]!["type"]!.GetValue<string>() == "zeebe:taskDefinition")!["value"]!.GetValue<string>());

        templated.Should().BeEquivalentTo(RegisteredTypes());
        RegisteredTypes().Should().BeEquivalentTo(BuiltInConnectors.JobTypes);
    }
}
