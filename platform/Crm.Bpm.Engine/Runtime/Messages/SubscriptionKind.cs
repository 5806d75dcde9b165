namespace Crm.Bpm.Engine.Runtime.Messages;

/// <summary>What an event subscription waits for.</summary>
public enum SubscriptionKind
{
    Message,
    Signal,
}
