using Crm.Bpm.Connectors;
using Crm.Bpm.Connectors.Email;
using Crm.Bpm.Connectors.Triggers;
using Crm.Bpm.Engine.Hosting;
using Crm.Bpm.Engine.Runtime;
using Crm.Bpm.Entities.Records;
using Crm.Bpm.Entities.Schemas;
using Crm.Bpm.Persistence.Database;
using Crm.Bpm.Persistence.Engine;
using Crm.Bpm.Persistence.PostgreSql.Migrations.Entities;
using Crm.Bpm.Persistence.Sqlite.Migrations.Entities;

namespace Crm.Bpm.Cli.Serve;

/// <summary>The CRM side of an engine node (<c>crm engine serve --crm FOLDER</c>): the records in the engine's database, the built-in connectors, and the record-trigger dispatcher.</summary>
internal sealed class CrmNode : IDisposable
{
    private readonly EfProcessStore _definitions;
    private readonly HttpClient _http;

    private CrmNode(EfProcessStore definitions, HttpClient http, TriggerDispatcher dispatcher, int schemas)
    {
        _definitions = definitions;
        _http = http;
        Dispatcher = dispatcher;
        SchemaCount = schemas;
    }

    public TriggerDispatcher Dispatcher { get; }

    public int SchemaCount { get; }

    /// <summary>Opens the records store on the engine's database, registers the schemas of <paramref name="schemaFolder"/>, adds the built-in job handlers to <paramref name="handlers"/> and makes the dispatcher.</summary>
    /// <exception cref="DatabaseOpenException">The schemas cannot be read or registered, or the records store cannot be opened.</exception>
    public static CrmNode Open(EngineDatabase database, DatabaseProvider provider, ProcessEngine engine, JobHandlerRegistry handlers, string schemaFolder, SmtpOptions smtp)
    {
        if (!Directory.Exists(schemaFolder))
        {
            throw new DatabaseOpenException($"--crm: the schema folder '{schemaFolder}' does not exist; give the folder of *.schema.json files (the base CRM schemas are in processes/schemas).");
        }

        var entities = provider switch
        {
            DatabaseProvider.Sqlite => SqliteEntities.Open(database.ConnectionString),
            DatabaseProvider.PostgreSql => PostgreSqlEntities.Open(database.ConnectionString),
            _ => throw new DatabaseOpenException($"--crm is not available on {database.Description} yet: the records store runs on SQLite and PostgreSQL."),
        };
        var registry = new SchemaRegistry(entities.Schemas);
        var documents = Directory.GetFiles(schemaFolder, "*.schema.json").Order(StringComparer.Ordinal)
            .Select(f => (File.ReadAllText(f), (string?)f)).ToList();
        var registered = registry.Register(documents);
        if (!registered.Succeeded)
        {
            throw new DatabaseOpenException($"--crm: the schemas in '{schemaFolder}' cannot be registered:{Environment.NewLine}{string.Join(Environment.NewLine, registered.Diagnostics)}");
        }

        var records = new RecordService(registry, entities.Records, entities.Access);
        var http = new HttpClient { Timeout = TimeSpan.FromSeconds(100) };
        BuiltInConnectors.AddTo(handlers, records, entities.Access, engine, smtp, http);
        // The catalogue reads the deployed definitions through a store of its own: stores serve one caller at a time.
        var definitions = database.CreateStore();
        var dispatcher = new TriggerDispatcher(engine, entities, new TriggerCatalogue(definitions.Definitions));
        return new CrmNode(definitions, http, dispatcher, documents.Count);
    }

    public void Dispose()
    {
        Dispatcher.Dispose();
        _http.Dispose();
        _definitions.Dispose();
    }
}
