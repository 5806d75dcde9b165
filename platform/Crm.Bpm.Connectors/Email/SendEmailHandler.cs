using Crm.Bpm.Connectors.Jobs;
using Crm.Bpm.Engine.Hosting;
using MailKit.Net.Smtp;
using MailKit.Security;
using MimeKit;

namespace Crm.Bpm.Connectors.Email;

/// <summary><c>crm:send-email</c>: sends one message over SMTP (MailKit) and puts its Message-Id into the result variable (default <c>emailMessageId</c>).</summary>
/// <remarks>
/// Inputs: <c>to</c> (an address or a list), optional <c>cc</c>, <c>bcc</c>, <c>from</c>, <c>subject</c>, <c>body</c>,
/// <c>html</c> (true: the body is HTML). A refused recipient or sender (SMTP 5xx) fails without retries; an unreachable
/// server or a temporary refusal (4xx) fails with retries. Delivery is at least once: a node that crashes after the
/// server took the message but before the job completes sends it again on retry.
/// </remarks>
public sealed class SendEmailHandler(SmtpOptions smtp) : ConnectorHandler
{
    public const string JobType = "crm:send-email";

    /// <inheritdoc/>
    public override string Type => JobType;

    /// <inheritdoc/>
    protected override async Task<JobOutcome> RunAsync(JobInputs inputs, JobContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(inputs);
        var message = new MimeMessage();
        message.From.Add(Address(inputs, "from", inputs.Text("from") ?? smtp.DefaultFrom));
        var to = inputs.List("to");
        if (to.Count == 0)
        {
            throw new ConnectorInputException($"Job '{Type}' needs the input 'to' (an e-mail address or a list of them).");
        }

        message.To.AddRange(to.Select(a => Address(inputs, "to", a)));
        message.Cc.AddRange(inputs.List("cc").Select(a => Address(inputs, "cc", a)));
        message.Bcc.AddRange(inputs.List("bcc").Select(a => Address(inputs, "bcc", a)));
        message.Subject = inputs.Text("subject") ?? string.Empty;
        var body = inputs.Node("body") is { } node && node.GetValueKind() == System.Text.Json.JsonValueKind.String ? node.GetValue<string>() : inputs.Text("body") ?? string.Empty;
        message.Body = new TextPart(inputs.Boolean("html", false) ? "html" : "plain") { Text = body };

        using var client = new SmtpClient { Timeout = (int)smtp.Timeout.TotalMilliseconds };
        try
        {
            var security = smtp.Security switch
            {
                SmtpSecurity.None => SecureSocketOptions.None,
                SmtpSecurity.StartTls => SecureSocketOptions.StartTls,
                SmtpSecurity.SslOnConnect => SecureSocketOptions.SslOnConnect,
                _ => SecureSocketOptions.StartTlsWhenAvailable,
            };
            await client.ConnectAsync(smtp.Host, smtp.Port, security, cancellationToken).ConfigureAwait(false);
            if (smtp.UserName is not null)
            {
                await client.AuthenticateAsync(smtp.UserName, smtp.Password ?? string.Empty, cancellationToken).ConfigureAwait(false);
            }

            await client.SendAsync(message, cancellationToken).ConfigureAwait(false);
            await client.DisconnectAsync(quit: true, cancellationToken).ConfigureAwait(false);
        }
        catch (SmtpCommandException e) when ((int)e.StatusCode >= 500)
        {
            var what = e.ErrorCode switch
            {
                SmtpErrorCode.RecipientNotAccepted => $"the recipient {e.Mailbox} was refused",
                SmtpErrorCode.SenderNotAccepted => $"the sender {e.Mailbox} was refused",
                _ => "the message was refused",
            };
            var text = $"SMTP server {smtp.Host}:{smtp.Port}: {what} ({(int)e.StatusCode} {e.Message.Trim()}).";
            return inputs.ErrorCode is { } code ? JobOutcome.Error(code, text) : JobOutcome.Fail(text, retries: 0);
        }
        catch (Exception e) when (e is SmtpCommandException or SmtpProtocolException or IOException or System.Net.Sockets.SocketException or AuthenticationException or TimeoutException)
        {
            return JobOutcome.Fail($"Sending e-mail through {smtp.Host}:{smtp.Port} failed: {e.Message.Trim()}");
        }

        return JobOutcome.Complete(new Dictionary<string, object?> { [inputs.ResultVariable("emailMessageId")] = message.MessageId });
    }

    private MailboxAddress Address(JobInputs inputs, string input, string text) =>
        MailboxAddress.TryParse(text, out var address) && address.Address.Contains('@', StringComparison.Ordinal)
            ? address
            : throw new ConnectorInputException($"Job '{Type}': '{text}' in '{input}' is not an e-mail address.");
}
