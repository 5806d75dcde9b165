using System.Data.Common;
using System.Globalization;
using Crm.Bpm.Entities.Schemas;

namespace Crm.Bpm.Persistence.Entities;

/// <summary>The SQL that differs between SQLite, PostgreSQL and SQL Server for records kept as JSON documents: field expressions, case-insensitive matching, limits and index DDL.</summary>
internal sealed class SqlFlavor
{
    private SqlFlavor(string provider)
    {
        PostgreSql = provider.Contains("Npgsql", StringComparison.Ordinal);
        SqlServer = provider.Contains("SqlServer", StringComparison.Ordinal);
        Sqlite = !PostgreSql && !SqlServer;
    }

    public bool PostgreSql { get; }

    public bool SqlServer { get; }

    public bool Sqlite { get; }

    public static SqlFlavor For(string? providerName) => new(providerName ?? "Sqlite");

    public string True => PostgreSql ? "TRUE" : "1";

    /// <summary>The typed value of a JSON field of the record under <paramref name="alias"/> (no alias in index definitions).</summary>
    /// <remarks>The expression must be written the same way in queries and in expression indexes for the planner to use the index.</remarks>
    public string Field(string? alias, string field, FieldType type)
    {
        var data = alias is null ? "data" : $"{alias}.data";
        if (PostgreSql)
        {
            return type switch
            {
                FieldType.Integer or FieldType.Number => $"(({data}->>'{field}')::numeric)",
                FieldType.Boolean => $"(({data}->>'{field}')::boolean)",
                _ => $"({data}->>'{field}')",
            };
        }

        if (SqlServer)
        {
            return type switch
            {
                FieldType.Integer or FieldType.Number => $"CAST(JSON_VALUE({data}, '$.{field}') AS decimal(38, 10))",
                FieldType.Boolean => $"CAST(JSON_VALUE({data}, '$.{field}') AS bit)",
                _ => $"JSON_VALUE({data}, '$.{field}')",
            };
        }

        return $"json_extract({data}, '$.{field}')";
    }

    /// <summary>The system column holding a system field.</summary>
    public static string Column(string alias, string systemField) => alias + "." + systemField switch
    {
        "id" => "id",
        "version" => "version",
        "owner" => "owner_id",
        "createdOn" => "created_on",
        "createdBy" => "created_by",
        "modifiedOn" => "modified_on",
        _ => "modified_by",
    };

    /// <summary>A case-insensitive LIKE.</summary>
    public string Like(string expression, string parameter) => PostgreSql
        ? $"{expression} ILIKE {parameter} ESCAPE '\\'"
        : SqlServer ? $"{expression} LIKE {parameter}" : $"{expression} LIKE {parameter} ESCAPE '\\'";

    public string Ascending => PostgreSql ? "ASC NULLS FIRST" : "ASC";

    public string Descending => PostgreSql ? "DESC NULLS LAST" : "DESC";

    public string Limit(int rows) => SqlServer
        ? string.Create(CultureInfo.InvariantCulture, $" OFFSET 0 ROWS FETCH NEXT {rows} ROWS ONLY")
        : string.Create(CultureInfo.InvariantCulture, $" LIMIT {rows}");

    /// <summary>A parameter value as this provider compares it with JSON values (SQLite binds decimals as text, so they go as doubles).</summary>
    public object Value(object? value) => value switch
    {
        null => DBNull.Value,
        decimal d when Sqlite => (double)d,
        bool b when Sqlite => b ? 1L : 0L,
        _ => value,
    };

    public static DbParameter Add(DbCommand command, string name, object? value)
    {
        var parameter = command.CreateParameter();
        parameter.ParameterName = name;
        parameter.Value = value ?? DBNull.Value;
        command.Parameters.Add(parameter);
        return parameter;
    }

    /// <summary>The DDL of an expression index over the entity's fields, only over that entity's rows, ending in the id so keyset paging is fully ordered.</summary>
    public string? CreateIndex(EntitySchema schema, EntityIndex index)
    {
        if (SqlServer)
        {
            // SQL Server indexes JSON only through computed columns; not built yet (docs/entities.md).
            return null;
        }

        var name = $"ix_crm_{schema.Name}_{index.Name}".ToLowerInvariant();
        if (name.Length > 63)
        {
            name = name[..54] + "_" + ((uint)StableHash(name)).ToString("x8", CultureInfo.InvariantCulture);
        }

        var columns = index.Fields.Select(f =>
        {
            var expression = EntitySchemaReader.SystemFields.Contains(f.Field)
                ? Column("x", f.Field)[2..]
                : Field(null, f.Field, schema.Field(f.Field)!.Type);
            return $"{(PostgreSql && !expression.StartsWith('(') ? expression : PostgreSql ? "(" + expression + ")" : expression)} {(f.Descending ? Descending : Ascending)}";
        });
        return $"CREATE INDEX IF NOT EXISTS {name} ON crm_records ({string.Join(", ", columns)}, id) WHERE entity = '{schema.Name}'";
    }

    private static int StableHash(string text)
    {
        var hash = 17;
        foreach (var c in text)
        {
            hash = unchecked((hash * 31) + c);
        }

        return hash;
    }
}
