namespace Crm.Bpm.Engine.Runtime.Incidents;

/// <summary>Why an element is stuck (the names follow Camunda 8's incident types).</summary>
public enum IncidentType
{
    /// <summary>A job failed and has no retries left.</summary>
    JobNoRetries,

    /// <summary>A gateway or loop condition failed to evaluate, or no outgoing flow can be taken.</summary>
    ConditionError,

    /// <summary>An expression (mapping, correlation key, assignee, timer, collection...) failed to evaluate.</summary>
    ExtractValueError,

    /// <summary>A BPMN error was thrown and nothing caught it.</summary>
    UnhandledErrorEvent,

    /// <summary>A call activity names a process that is not deployed.</summary>
    CalledElementError,

    /// <summary>A business rule task's decision could not be evaluated.</summary>
    DecisionEvaluationError,

    /// <summary>A record trigger's condition or correlation key failed to evaluate (crm:recordTrigger); no instance was started or correlated for that record change.</summary>
    TriggerConditionError,
}
