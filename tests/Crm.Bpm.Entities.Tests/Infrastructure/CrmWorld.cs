using Crm.Bpm.Entities.Access;
using Crm.Bpm.Entities.Records;
using Crm.Bpm.Entities.Schemas;
using Crm.Bpm.Persistence.Entities;
using Crm.Bpm.Testing;

namespace Crm.Bpm.Entities.Tests.Infrastructure;

/// <summary>A records database with the base CRM schemas registered and four users: an administrator, two sales reps and a support agent.</summary>
public sealed class CrmWorld
{
    public CrmWorld(EntitiesDatabase database)
    {
        Database = database;
        Registry = new SchemaRegistry(database.Schemas);
        var result = Registry.Register(BaseSchemas().ToList());
        result.Succeeded.Should().BeTrue(string.Join(Environment.NewLine, result.Diagnostics));
        Service = new RecordService(Registry, database.Records, database.Access);
        foreach (var user in new[] { Admin, Ann, Bob, Carol })
        {
            database.Access.SaveUser(user);
        }
    }

    public static CrmUser Admin { get; } = new(Guid.Parse("00000000-0000-0000-0000-00000000000a"), "Administrator", ["SysAdmins"], IsAdministrator: true);

    public static CrmUser Ann { get; } = new(Guid.Parse("00000000-0000-0000-0000-0000000000a1"), "Ann Sales", ["Sales"]);

    public static CrmUser Bob { get; } = new(Guid.Parse("00000000-0000-0000-0000-0000000000b0"), "Bob Sales", ["Sales"]);

    public static CrmUser Carol { get; } = new(Guid.Parse("00000000-0000-0000-0000-0000000000c0"), "Carol Support", ["Support"]);

    public EntitiesDatabase Database { get; }

    public SchemaRegistry Registry { get; }

    public RecordService Service { get; }

    public static string SchemasFolder => Path.Combine(SharedData.RepositoryRoot, "processes", "schemas");

    public static IEnumerable<(string Json, string? File)> BaseSchemas() =>
        Directory.GetFiles(SchemasFolder, "*.schema.json").Order(StringComparer.Ordinal).Select(f => (File.ReadAllText(f), (string?)f));
}
