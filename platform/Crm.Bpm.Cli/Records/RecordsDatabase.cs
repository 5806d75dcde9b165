using Crm.Bpm.Cli.Hosting;
using Crm.Bpm.Entities.Schemas;
using Crm.Bpm.Persistence.Entities;
using Crm.Bpm.Persistence.PostgreSql.Migrations.Entities;
using Crm.Bpm.Persistence.Sqlite.Migrations.Entities;

namespace Crm.Bpm.Cli.Records;

/// <summary>What the <c>crm records</c> and <c>crm bench records</c> commands share: opening the store named by <c>--store</c> and <c>--connection</c>, and finding the base schemas.</summary>
internal static class RecordsDatabase
{
    /// <summary>Opens and migrates the records database.</summary>
    /// <exception cref="CliUsageException">The store is not sqlite or postgres, or postgres has no connection string.</exception>
    public static EntitiesDatabase Open(string store, string? connection) => store switch
    {
        "sqlite" => SqliteEntities.Open(connection ?? $"Data Source={Path.Combine("data", "crm.db")}"),
        "postgres" => PostgreSqlEntities.Open(connection ?? throw new CliUsageException("--store postgres needs --connection \"Host=...;Database=...;Username=...\"")),
        _ => throw new CliUsageException($"--store must be sqlite or postgres, not '{store}'"),
    };

    /// <summary>The folder of the base CRM schemas: <paramref name="given"/>, or <c>processes/schemas</c> in the current folder or one above it.</summary>
    public static string SchemasFolder(string? given)
    {
        if (given is not null)
        {
            return given;
        }

        for (var folder = new DirectoryInfo(Directory.GetCurrentDirectory()); folder is not null; folder = folder.Parent)
        {
            var candidate = Path.Combine(folder.FullName, "processes", "schemas");
            if (Directory.Exists(candidate))
            {
                return candidate;
            }
        }

        throw new CliUsageException("no processes/schemas folder here or above; pass --schemas FOLDER");
    }

    /// <summary>Registers every <c>*.schema.json</c> of the folder together; prints the errors and returns false when they are refused.</summary>
    public static bool Register(SchemaRegistry registry, string folder, CliConsole console)
    {
        var documents = Directory.GetFiles(folder, "*.schema.json").Order(StringComparer.Ordinal)
            .Select(f => (File.ReadAllText(f), (string?)f)).ToList();
        var result = registry.Register(documents);
        foreach (var diagnostic in result.Diagnostics)
        {
            console.Error.WriteLine(diagnostic.ToString());
        }

        return result.Succeeded;
    }
}
