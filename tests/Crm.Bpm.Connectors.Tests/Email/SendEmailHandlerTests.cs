using System.Net;
using System.Net.Sockets;
using Crm.Bpm.Connectors.Email;
using Crm.Bpm.Connectors.Tests.Infrastructure;
using Crm.Bpm.Engine.Hosting;

namespace Crm.Bpm.Connectors.Tests.Email;

/// <summary><c>crm:send-email</c> over SMTP to a server the test runs on 127.0.0.1.</summary>
public sealed class SendEmailHandlerTests : IDisposable
{
    private readonly SmtpTestServer _server = new();

    public void Dispose() => _server.Dispose();

    private SendEmailHandler Handler(int? port = null) =>
        new(new SmtpOptions { Host = "127.0.0.1", Port = port ?? _server.Port, Security = SmtpSecurity.None, DefaultFrom = "crm@example.com" });

    [Fact]
    public void Send_DeliversTheMessage_WithRecipientsSubjectAndBodyFromFeel()
    {
        var job = TestJobs.Context("crm:send-email",
            new Dictionary<string, string> { ["subject"] = "=\"Welcome, \" + lead.name", ["body"] = "=\"Your budget: \" + string(lead.budget)" },
            """{"to": ["ada@example.com", "sales@example.com"], "cc": "boss@example.com", "lead": {"name": "Ada", "budget": 25000}}""");

        var outcome = TestJobs.Run(Handler(), job);

        outcome.Kind.Should().Be(JobOutcomeKind.Complete, outcome.ToString());
        var message = _server.Messages.Should().ContainSingle().Subject;
        message.From.Should().Be("crm@example.com");
        message.Recipients.Should().BeEquivalentTo("ada@example.com", "sales@example.com", "boss@example.com");
        message.Content.Subject.Should().Be("Welcome, Ada");
        (message.Content.TextBody ?? string.Empty).Trim().Should().Be("Your budget: 25000");
        message.Content.Cc.Mailboxes.Select(m => m.Address).Should().Equal("boss@example.com");
        outcome.Variables!["emailMessageId"].Should().Be(message.Content.MessageId);
    }

    [Fact]
    public void HtmlBody_IsSentAsHtml()
    {
        var job = TestJobs.Context("crm:send-email", null, """{"to": "ada@example.com", "subject": "Hi", "body": "<p>Hello <b>Ada</b></p>", "html": true}""");

        TestJobs.Run(Handler(), job).Kind.Should().Be(JobOutcomeKind.Complete);

        _server.Messages.Single().Content.HtmlBody.Should().Contain("<b>Ada</b>");
    }

    [Fact]
    public void ARecipientTheServerRefuses_FailsWithoutRetries_NamingIt()
    {
        var job = TestJobs.Context("crm:send-email", null, """{"to": "rejected@example.com", "subject": "Hi", "body": "x"}""");

        var outcome = TestJobs.Run(Handler(), job);

        outcome.Kind.Should().Be(JobOutcomeKind.Fail);
        outcome.Retries.Should().Be(0);
        outcome.ErrorMessage.Should().Contain("rejected@example.com").And.Contain("550");
        _server.Messages.Should().BeEmpty();
    }

    [Fact]
    public void AnUnreachableServer_FailsWithRetries()
    {
        int closedPort;
        using (var probe = new TcpListener(IPAddress.Loopback, 0))
        {
            probe.Start();
            closedPort = ((IPEndPoint)probe.LocalEndpoint).Port;
        }

        var outcome = TestJobs.Run(Handler(closedPort), TestJobs.Context("crm:send-email", null, """{"to": "ada@example.com", "subject": "Hi"}"""));

        outcome.Kind.Should().Be(JobOutcomeKind.Fail);
        outcome.Retries.Should().BeNull("the server may come back");
        outcome.ErrorMessage.Should().Contain($"127.0.0.1:{closedPort}");
    }

    [Fact]
    public void AMissingRecipient_FailsWithoutRetries_SayingWhatToSet()
    {
        var outcome = TestJobs.Run(Handler(), TestJobs.Context("crm:send-email", null, """{"subject": "Hi"}"""));

        outcome.Kind.Should().Be(JobOutcomeKind.Fail);
        outcome.Retries.Should().Be(0);
        outcome.ErrorMessage.Should().Contain("'to'");
    }
}
