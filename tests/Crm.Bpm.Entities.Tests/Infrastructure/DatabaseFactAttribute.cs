using Xunit.Sdk;

namespace Crm.Bpm.Entities.Tests.Infrastructure;

/// <summary>A test run on every database: skipped on PostgreSQL classes only when PostgreSQL tests are skipped (CRM_SKIP_POSTGRES=1 off CI).</summary>
[AttributeUsage(AttributeTargets.Method)]
[XunitTestCaseDiscoverer("Crm.Bpm.Entities.Tests.Infrastructure.DatabaseFactDiscoverer", "Crm.Bpm.Entities.Tests")]
public sealed class DatabaseFactAttribute : FactAttribute;
