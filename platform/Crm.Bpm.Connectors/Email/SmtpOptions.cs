namespace Crm.Bpm.Connectors.Email;

/// <summary>The SMTP server <c>crm:send-email</c> delivers through, and the sender used when a task names none.</summary>
public sealed record SmtpOptions
{
    public required string Host { get; init; }

    public int Port { get; init; } = 25;

    public SmtpSecurity Security { get; init; } = SmtpSecurity.Auto;

    /// <summary>The user name for SMTP AUTH, or null to send without authenticating.</summary>
    public string? UserName { get; init; }

    public string? Password { get; init; }

    /// <summary>The sender address when the task has no <c>from</c> input.</summary>
    public string DefaultFrom { get; init; } = "crm@localhost";

    /// <summary>How long one SMTP exchange may take.</summary>
    public TimeSpan Timeout { get; init; } = TimeSpan.FromSeconds(30);
}
