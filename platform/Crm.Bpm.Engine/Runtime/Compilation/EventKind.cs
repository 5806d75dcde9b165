namespace Crm.Bpm.Engine.Runtime.Compilation;

/// <summary>The event definition an event node carries (BPMN 2.0.2 §10.5.5), <see cref="None"/> for a plain event.</summary>
public enum EventKind
{
    None,
    Message,
    Timer,
    Signal,
    Error,
    Escalation,
    Compensation,
    Link,
    Terminate,
}
