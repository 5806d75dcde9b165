using Crm.Bpm.Engine.Runtime.Expressions;

namespace Crm.Bpm.Engine.Runtime.Compilation;

/// <summary>Standard loop characteristics (BPMN 2.0.2 §10.3.8 StandardLoopCharacteristics).</summary>
/// <param name="TestBefore">Whether the condition is checked before each iteration (a while loop) rather than after (do-while).</param>
/// <param name="LoopMaximum">The most iterations to run, or null for no limit.</param>
/// <param name="Condition">The loop continues while this is true.</param>
public sealed record LoopSpec(bool TestBefore, int? LoopMaximum, CompiledExpression? Condition);
