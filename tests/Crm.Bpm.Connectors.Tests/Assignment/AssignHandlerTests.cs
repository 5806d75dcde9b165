using Crm.Bpm.Connectors.Assignment;
using Crm.Bpm.Connectors.Tests.Infrastructure;
using Crm.Bpm.Engine.Hosting;

namespace Crm.Bpm.Connectors.Tests.Assignment;

/// <summary><c>crm:assign</c> against stored users and the engine's open tasks in a real database.</summary>
public sealed class AssignHandlerTests(TestDatabases databases) : IClassFixture<TestDatabases>
{
    public static TheoryData<string> Providers() => TestDatabases.Providers();

    private static string Owner(JobOutcome outcome)
    {
        outcome.Kind.Should().Be(JobOutcomeKind.Complete, outcome.ToString());
        return (string)outcome.Variables!["owner"]!;
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public void RoundRobin_GivesEachUserOfTheRoleATurn(string provider)
    {
        using var world = new CrmTestWorld(provider, databases.Fresh(provider));
        var handler = new AssignHandler(world.Entities.Access, world.Engine);
        var job = TestJobs.Context("crm:assign", new Dictionary<string, string> { ["role"] = "sales" });

        var owners = Enumerable.Range(0, 4).Select(_ => Owner(TestJobs.Run(handler, job))).ToList();

        var ann = CrmTestWorld.Ann.Id.ToString();
        var bob = CrmTestWorld.Bob.Id.ToString();
        owners.Should().Equal(ann, bob, ann, bob);
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public void LeastBusy_PicksTheUserWithFewestOpenAssignedTasks(string provider)
    {
        using var world = new CrmTestWorld(provider, databases.Fresh(provider));
        world.Deploy(CrmTestWorld.Fixture("work-item.bpmn"));
        var ann = CrmTestWorld.Ann.Id.ToString();
        var bob = CrmTestWorld.Bob.Id.ToString();
        foreach (var assignee in new[] { ann, ann, bob })
        {
            world.Engine.StartInstance("work-item", new Dictionary<string, object?> { ["assignee"] = assignee }).Succeeded.Should().BeTrue();
        }

        var handler = new AssignHandler(world.Entities.Access, world.Engine);
        var job = TestJobs.Context("crm:assign", new Dictionary<string, string> { ["team"] = "Sales", ["strategy"] = "least-busy" });

        Owner(TestJobs.Run(handler, job)).Should().Be(bob, "Bob has one open task, Ann two");
        world.Engine.StartInstance("work-item", new Dictionary<string, object?> { ["assignee"] = bob });
        world.Engine.StartInstance("work-item", new Dictionary<string, object?> { ["assignee"] = bob });
        Owner(TestJobs.Run(handler, job)).Should().Be(ann, "now Bob has three");
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public void ARoleNobodyHolds_FailsWithRetries_NamingTheRole(string provider)
    {
        using var world = new CrmTestWorld(provider, databases.Fresh(provider));
        var handler = new AssignHandler(world.Entities.Access, world.Engine);

        var outcome = TestJobs.Run(handler, TestJobs.Context("crm:assign", new Dictionary<string, string> { ["role"] = "Marketing" }));

        outcome.Kind.Should().Be(JobOutcomeKind.Fail);
        outcome.Retries.Should().BeNull("users may be added to the role, so the executor's retries apply");
        outcome.ErrorMessage.Should().Contain("'Marketing'");
    }
}
