using Crm.Bpm.Feel;
using Crm.Bpm.Feel.Evaluation;
using Crm.Bpm.Feel.Json;
using Crm.Bpm.Feel.Values;
using Crm.Bpm.Engine.Runtime.Variables;

namespace Crm.Bpm.Engine.Runtime.Expressions;

/// <summary>A compiled FEEL expression that reads process variables (JSON) lazily and returns its value as JSON.</summary>
internal sealed class FeelCompiledExpression : CompiledExpression
{
    private readonly FeelExpression _expression;
    private readonly TimeProvider _clock;

    public FeelCompiledExpression(string text, FeelExpression expression, TimeProvider clock)
        : base(text)
    {
        _expression = expression;
        _clock = clock;
    }

    /// <inheritdoc/>
    public override ExpressionResult Evaluate(IVariableLookup variables)
    {
        var context = new FeelEvaluationContext(new VariableScope(variables), _clock);
        var value = _expression.Evaluate(context);
        // FEEL answers a failing expression (unknown name, wrong operand types) with null and a warning. Camunda 8.3+
        // does the same ("if something goes wrong, return null"): mappings and scripts take the null, and only where a
        // type is required (a boolean condition, a list to iterate, a date for a timer) does the null become an incident,
        // whose message then carries the warning.
        var json = JsonValues.Write(writer => FeelJson.Write(writer, value));
        var warning = context.HasWarnings ? string.Join("; ", context.Warnings.Select(w => w.Message)) : null;
        return ExpressionResult.Of(json, warning);
    }

    /// <summary>A FEEL scope over the process variables, converting each JSON value to FEEL when an expression first reads it.</summary>
    private sealed class VariableScope(IVariableLookup variables) : FeelScope
    {
        private Dictionary<string, FeelValue>? _converted;

        public override IEnumerable<string> OwnNames => variables.VisibleVariables().Select(v => v.Key);

        protected override bool TryGetOwnValue(string name, out FeelValue value)
        {
            if (_converted is not null && _converted.TryGetValue(name, out value!))
            {
                return true;
            }

            if (!variables.TryGetVariable(name, out var json))
            {
                value = null!;
                return false;
            }

            value = FeelJson.FromJson(json);
            (_converted ??= new Dictionary<string, FeelValue>(StringComparer.Ordinal))[name] = value;
            return true;
        }
    }
}
