namespace Crm.Bpm.Engine.Runtime.Instances;

/// <summary>What an element instance stands for when its node loops.</summary>
public enum ElementRole
{
    /// <summary>An ordinary run of the node.</summary>
    Normal,

    /// <summary>The multi-instance body that owns the inner instances and collects their output (BPMN 2.0.2 §13.3.7).</summary>
    MultiInstanceBody,

    /// <summary>The body of a standard loop that runs one iteration after another.</summary>
    LoopBody,

    /// <summary>One inner instance or iteration of a multi-instance or loop body.</summary>
    Inner,
}
