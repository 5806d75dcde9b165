using Xunit;

namespace Crm.Bpm.Testing.PostgreSql;

/// <summary>A test that needs PostgreSQL: skipped only when <c>CRM_SKIP_POSTGRES=1</c> off CI; a missing server otherwise fails it.</summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class PostgreSqlFactAttribute : FactAttribute
{
    public PostgreSqlFactAttribute()
    {
        if (PostgreSqlTestServer.SkipRequested)
        {
            Skip = $"{PostgreSqlTestServer.SkipVariable}=1 (never skipped on CI)";
        }
    }
}
