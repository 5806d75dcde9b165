using Crm.Bpm.Testing.PostgreSql;
using Xunit.Abstractions;
using Xunit.Sdk;

namespace Crm.Bpm.Entities.Tests.Infrastructure;

/// <summary>Finds <see cref="DatabaseFactAttribute"/> tests; on a PostgreSQL class, reports them skipped when PostgreSQL tests are to be skipped.</summary>
public sealed class DatabaseFactDiscoverer(IMessageSink diagnosticMessageSink) : IXunitTestCaseDiscoverer
{
    public IEnumerable<IXunitTestCase> Discover(ITestFrameworkDiscoveryOptions discoveryOptions, ITestMethod testMethod, IAttributeInfo factAttribute)
    {
        var type = testMethod.TestClass.Class.ToRuntimeType();
        if (typeof(IPostgreSqlTests).IsAssignableFrom(type) && PostgreSqlTestServer.SkipRequested)
        {
            return [new XunitSkippedDataRowTestCase(diagnosticMessageSink, discoveryOptions.MethodDisplayOrDefault(), discoveryOptions.MethodDisplayOptionsOrDefault(), testMethod, $"{PostgreSqlTestServer.SkipVariable}=1 (never skipped on CI)")];
        }

        return [new XunitTestCase(diagnosticMessageSink, discoveryOptions.MethodDisplayOrDefault(), discoveryOptions.MethodDisplayOptionsOrDefault(), testMethod)];
    }
}
