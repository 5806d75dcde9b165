namespace Crm.Bpm.Engine.Model.Activities;

/// <summary>Whether the inner activities of an ad-hoc sub-process may run at the same time.</summary>
public enum AdHocOrdering
{
    Parallel,
    Sequential,
}
