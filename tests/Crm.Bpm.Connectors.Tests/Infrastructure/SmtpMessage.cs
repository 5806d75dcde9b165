using MimeKit;

namespace Crm.Bpm.Connectors.Tests.Infrastructure;

/// <summary>One message the test SMTP server accepted: the envelope and the parsed content.</summary>
public sealed record SmtpMessage(string From, IReadOnlyList<string> Recipients, MimeMessage Content);
