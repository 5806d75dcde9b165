using Crm.Bpm.Engine.Runtime.Compilation;

namespace Crm.Bpm.Engine.Runtime.Instances;

/// <summary>A timer or event subscription an element instance opened and closes when it ends.</summary>
/// <param name="Key">The timer's or subscription's key.</param>
/// <param name="IsTimer">Whether it is a timer (else a message or signal subscription).</param>
/// <param name="Node">The event the subscription triggers.</param>
internal readonly record struct OwnedSubscription(long Key, bool IsTimer, ExecutableNode Node);
