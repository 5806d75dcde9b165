using Crm.Bpm.Connectors.Triggers;
using Crm.Bpm.Engine.Runtime;
using Crm.Bpm.Entities.Access;
using Crm.Bpm.Entities.Records;
using Crm.Bpm.Entities.Schemas;
using Crm.Bpm.Persistence.Database;
using Crm.Bpm.Persistence.Engine;
using Crm.Bpm.Persistence.Entities;
using Crm.Bpm.Persistence.PostgreSql.Migrations.Entities;
using Crm.Bpm.Persistence.Sqlite.Migrations.Entities;
using Crm.Bpm.Testing;

namespace Crm.Bpm.Connectors.Tests.Infrastructure;

/// <summary>The engine and the CRM records in one database (as a server runs them): base schemas, four users, an engine over a database store.</summary>
public sealed class CrmTestWorld : IDisposable
{
    private readonly List<EfProcessStore> _stores = [];

    public CrmTestWorld(string provider, string connectionString)
    {
        var databaseProvider = provider == "Sqlite" ? DatabaseProvider.Sqlite : DatabaseProvider.PostgreSql;
        EngineDatabase = EngineDatabase.Open(new DatabaseOptions { Provider = databaseProvider, ConnectionString = connectionString });
        Entities = provider == "Sqlite" ? SqliteEntities.Open(connectionString) : PostgreSqlEntities.Open(connectionString);
        Schemas = new SchemaRegistry(Entities.Schemas);
        var schemas = Directory.GetFiles(Path.Combine(SharedData.RepositoryRoot, "processes", "schemas"), "*.schema.json")
            .Order(StringComparer.Ordinal).Select(f => (File.ReadAllText(f), (string?)f)).ToList();
        var registered = Schemas.Register(schemas);
        registered.Succeeded.Should().BeTrue(string.Join(Environment.NewLine, registered.Diagnostics));
        Records = new RecordService(Schemas, Entities.Records, Entities.Access);
        foreach (var user in new[] { Admin, Ann, Bob, Carol })
        {
            Entities.Access.SaveUser(user);
        }

        Engine = NewEngine();
    }

    public static CrmUser Admin { get; } = new(Guid.Parse("00000000-0000-0000-0000-00000000000a"), "Administrator", ["SysAdmins"], IsAdministrator: true);

    public static CrmUser Ann { get; } = new(Guid.Parse("00000000-0000-0000-0000-0000000000a1"), "Ann Sales", ["Sales"]);

    public static CrmUser Bob { get; } = new(Guid.Parse("00000000-0000-0000-0000-0000000000b0"), "Bob Sales", ["Sales"]);

    public static CrmUser Carol { get; } = new(Guid.Parse("00000000-0000-0000-0000-0000000000c0"), "Carol Support", ["Support"]);

    public EngineDatabase EngineDatabase { get; }

    public EntitiesDatabase Entities { get; }

    public SchemaRegistry Schemas { get; }

    public RecordService Records { get; }

    public ProcessEngine Engine { get; }

    /// <summary>Another engine (as on another server) over the same database.</summary>
    public ProcessEngine NewEngine()
    {
        var store = EngineDatabase.CreateStore();
        _stores.Add(store);
        var engine = new ProcessEngine(store, options: new EngineOptions { RecordEvents = false });
        store.Processes = engine.GetProcess;
        return engine;
    }

    /// <summary>A trigger dispatcher running its commands on <paramref name="engine"/> (default: <see cref="Engine"/>), reading definitions through a store of its own.</summary>
    public TriggerDispatcher NewDispatcher(ProcessEngine? engine = null, string? consumer = null)
    {
        var definitions = EngineDatabase.CreateStore();
        _stores.Add(definitions);
        var options = consumer is null ? new TriggerDispatcherOptions() : new TriggerDispatcherOptions { ConsumerId = consumer };
        return new TriggerDispatcher(engine ?? Engine, Entities, new TriggerCatalogue(definitions.Definitions), options);
    }

    /// <summary>Deploys a BPMN file of the repository (path relative to its root) or of this project's fixtures.</summary>
    public void Deploy(string path)
    {
        var full = Path.IsPathRooted(path) ? path : Path.Combine(SharedData.RepositoryRoot, path);
        var result = Engine.DeployFile(full);
        result.Diagnostics.Where(d => d.IsError).Should().BeEmpty();
    }

    /// <summary>A fixture file of this test project.</summary>
    public static string Fixture(string name) => Path.Combine(SharedData.RepositoryRoot, "tests", "Crm.Bpm.Connectors.Tests", "Fixtures", name);

    public void Dispose()
    {
        foreach (var store in _stores)
        {
            store.Dispose();
        }
    }
}
