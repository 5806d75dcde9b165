using Crm.Bpm.Engine.Runtime.History;
using Crm.Bpm.Engine.Runtime.Instances;

namespace Crm.Bpm.Engine.Runtime.Execution;

/// <summary>A step a command recorded for history, kept as a value until the command commits.</summary>
internal readonly record struct PendingHistory(HistoryEventKind Kind, ProcessInstance Instance, string? ElementId, long Key, string? Detail, long ElementKey);
