namespace Crm.Bpm.Engine.Runtime.Expressions;

/// <summary>Compiles the expressions of a process (FEEL in Camunda 8 models) once, at deployment.</summary>
public interface IExpressionLanguage
{
    /// <summary>Compiles <paramref name="text"/> (without the leading <c>=</c>).</summary>
    ExpressionCompilation Compile(string text);
}
