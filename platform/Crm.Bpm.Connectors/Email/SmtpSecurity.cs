namespace Crm.Bpm.Connectors.Email;

/// <summary>How the connection to the SMTP server is protected.</summary>
public enum SmtpSecurity
{
    /// <summary>STARTTLS when the server offers it, plain otherwise.</summary>
    Auto,

    /// <summary>No TLS (a relay on the local network or a test server).</summary>
    None,

    /// <summary>STARTTLS is required (submission, port 587).</summary>
    StartTls,

    /// <summary>TLS from the first byte (port 465).</summary>
    SslOnConnect,
}
