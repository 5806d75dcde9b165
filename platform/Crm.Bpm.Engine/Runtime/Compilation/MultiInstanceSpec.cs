using Crm.Bpm.Engine.Runtime.Expressions;

namespace Crm.Bpm.Engine.Runtime.Compilation;

/// <summary>Multi-instance loop characteristics (BPMN 2.0.2 §10.3.8 with <c>zeebe:loopCharacteristics</c>).</summary>
public sealed record MultiInstanceSpec
{
    public bool IsSequential { get; init; }

    /// <summary>The FEEL input collection; one instance runs per item.</summary>
    public CompiledExpression? InputCollection { get; init; }

    /// <summary>The loop cardinality, used when there is no input collection.</summary>
    public CompiledExpression? LoopCardinality { get; init; }

    /// <summary>The local variable each instance gets its item in.</summary>
    public string? InputElement { get; init; }

    /// <summary>The variable that collects each instance's <see cref="OutputElement"/>, in item order.</summary>
    public string? OutputCollection { get; init; }

    public CompiledExpression? OutputElement { get; init; }

    /// <summary>Checked after each instance completes; when true the remaining instances are terminated.</summary>
    public CompiledExpression? CompletionCondition { get; init; }
}
