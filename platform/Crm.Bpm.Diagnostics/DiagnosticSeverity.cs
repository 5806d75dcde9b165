namespace Crm.Bpm.Diagnostics;

/// <summary>How much a diagnostic matters: an error stops a deployment, a warning does not.</summary>
public enum DiagnosticSeverity
{
    Info,
    Warning,
    Error,
}
