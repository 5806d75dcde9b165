namespace Crm.Bpm.Dmn.Expressions;

/// <summary>The language of a function definition's body; only FEEL runs here.</summary>
public enum FunctionKind
{
    Feel,
    Java,
    Pmml,
}
