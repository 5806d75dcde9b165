using Crm.Bpm.Engine.Runtime.Compilation;

namespace Crm.Bpm.Engine.Runtime.Instances;

/// <summary>A completed activity whose compensation handler can still run (BPMN 2.0.2 §10.7 Compensation).</summary>
/// <param name="Activity">The completed activity that has a compensation handler.</param>
/// <param name="ElementInstanceKey">The key of the activity's completed instance.</param>
/// <param name="Via">The completed sub-process, directly in this scope, that contained the activity; null when the activity is in this scope.</param>
public sealed record CompensationEntry(ExecutableNode Activity, long ElementInstanceKey, ExecutableNode? Via = null);
