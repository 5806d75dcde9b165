using System.Text.Json.Nodes;
using Crm.Bpm.Connectors.Email;
using Crm.Bpm.Connectors.Tests.Infrastructure;
using Crm.Bpm.Engine.Hosting;
using Crm.Bpm.Engine.Runtime.Instances;

namespace Crm.Bpm.Connectors.Tests.Triggers;

/// <summary>A process started by a record change runs the built-in connectors through the job executor: assignment, e-mail to a local SMTP server, a record update.</summary>
public sealed class ConnectorProcessTests(TestDatabases databases) : IClassFixture<TestDatabases>
{
    public static TheoryData<string> Providers() => TestDatabases.Providers();

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task ALeadWithAnEmail_IsWelcomedByMail_AndMarkedQualifying_ByTheJobExecutor(string provider)
    {
        using var world = new CrmTestWorld(provider, databases.Fresh(provider));
        using var smtp = new SmtpTestServer();
        using var http = new HttpClient();
        world.Deploy(CrmTestWorld.Fixture("welcome-lead.bpmn"));
        var registry = BuiltInConnectors.AddTo(new JobHandlerRegistry(), world.Records, world.Entities.Access, world.Engine,
            new SmtpOptions { Host = "127.0.0.1", Port = smtp.Port, Security = SmtpSecurity.None }, http);
        var withEmail = world.Records.Create(CrmTestWorld.Ann, "Lead", new JsonObject { ["name"] = "Ada", ["email"] = "ada@example.com" }).Record!;
        world.Records.Create(CrmTestWorld.Ann, "Lead", new JsonObject { ["name"] = "No Mail" }).Succeeded.Should().BeTrue();

        world.NewDispatcher().DispatchPending().Should().Be(2);
        var instance = world.Engine.GetInstances("welcome-lead").Should().ContainSingle("only the lead with an e-mail address meets the condition").Subject;

        using var executor = new JobExecutor(world.Engine, registry, new JobExecutorOptions { NodeId = "test-node", PollInterval = TimeSpan.FromMilliseconds(50) });
        await executor.StartAsync(CancellationToken.None);
        try
        {
            using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(2));
            while (world.Engine.GetInstance(instance.Key)!.State == ProcessInstanceState.Active && world.Engine.GetIncidents(instance.Key).Count == 0)
            {
                await Task.Delay(50, timeout.Token);
            }
        }
        finally
        {
            await executor.StopAsync(CancellationToken.None);
        }

        world.Engine.GetIncidents(instance.Key).Select(i => i.Message).Should().BeEmpty();
        var done = world.Engine.GetInstance(instance.Key)!;
        done.State.Should().Be(ProcessInstanceState.Completed);
        var mail = smtp.Messages.Should().ContainSingle().Subject;
        mail.Recipients.Should().Equal("ada@example.com");
        mail.Content.Subject.Should().Be("Welcome, Ada");
        (mail.Content.TextBody ?? string.Empty).Trim().Should().Be("Your contact is Ann Sales.", "round robin starts with the first Sales user by name");
        done.Variables["rep"].GetString().Should().Be(CrmTestWorld.Ann.Id.ToString());
        var stored = world.Records.Read(CrmTestWorld.Admin, "Lead", withEmail.Id).Record!;
        stored.Values["status"]!.GetValue<string>().Should().Be("qualifying");
        stored.ModifiedBy.Should().BeNull("the process wrote as the system user");
    }
}
