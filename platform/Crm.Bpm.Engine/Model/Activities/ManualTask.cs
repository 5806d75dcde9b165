namespace Crm.Bpm.Engine.Model.Activities;

/// <summary>A <c>manualTask</c>: work done outside any system; the engine passes through it.</summary>
public sealed record ManualTask : TaskActivity
{
    public override string ElementName => "manualTask";
}
