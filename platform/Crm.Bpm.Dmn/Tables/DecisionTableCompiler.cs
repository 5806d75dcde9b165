using Crm.Bpm.Dmn.Evaluation;
using Crm.Bpm.Feel.Values;

namespace Crm.Bpm.Dmn.Tables;

/// <summary>Compiles a decision table into an evaluator that applies its hit policy (DMN 1.5 §8.2.11, §8.3).</summary>
internal sealed class DecisionTableCompiler(CompilationContext context)
{
    public Evaluator Compile(DecisionTable table, NameScope names, string? ownerId)
    {
        var expressions = new ExpressionCompiler(context);
        var inputs = table.Inputs.Select(input => new CompiledInput(
            expressions.Compile(input.InputExpression, names, ownerId),
            context.CompileUnaryTests(input.InputValues, names, input, ownerId),
            input.InputExpression.Text.Trim(),
            input.Id ?? ownerId)).ToArray();

        var outputs = table.Outputs.Select((output, index) =>
        {
            var outputValues = context.CompileUnaryTests(output.OutputValues, names, output, ownerId);
            Evaluator? priorities = null;
            if (!string.IsNullOrWhiteSpace(output.OutputValues) && output.OutputValues.Trim() != "-")
            {
                // Priorities (PRIORITY, OUTPUT ORDER) follow the order of the output values list (DMN 1.5 §8.2.11).
                var list = FeelInterop.CompileExpression("[" + output.OutputValues + "]", names, out _);
                priorities = list is null ? null : list.Evaluate;
            }

            return new CompiledOutput(
                output.Name ?? (table.Outputs.Count == 1 ? table.OutputLabel ?? "" : $"output{index + 1}"),
                context.Types.Resolve(output.TypeRef, output, ownerId),
                outputValues,
                priorities,
                output.DefaultOutputEntry is null ? null : context.CompileFeel(output.DefaultOutputEntry, names, output, ownerId).Evaluate,
                output.Id ?? ownerId);
        }).ToArray();

        var rules = table.Rules.Select((rule, index) => new CompiledRule(
            index + 1,
            rule.Id,
            inputs.Select((_, i) => i < rule.InputEntries.Count
                ? context.CompileUnaryTests(rule.InputEntries[i].Text, names, rule, ownerId, rule.InputEntries[i].Id, rule.InputEntries[i].Position)
                : CompiledUnaryTests.Any).ToArray(),
            outputs.Select((_, i) => OutputEntry(rule, i, names, ownerId)).ToArray(),
            outputs.Select(o => $"Rule {index + 1}, output '{o.Name}'").ToArray())).ToArray();

        if (table.Aggregation != BuiltinAggregator.None && table.HitPolicy != HitPolicy.Collect)
        {
            context.Report(Diagnostics.DiagnosticSeverity.Warning, Parsing.DmnDiagnosticCodes.InvalidElement,
                $"The aggregation {table.Aggregation} only applies to the COLLECT hit policy; it is ignored for {table.HitPolicy}.", table, ownerId);
        }

        return new DecisionTableEvaluator(table.HitPolicy, table.Aggregation, inputs, outputs, rules, table.Id ?? ownerId, table.Position).Evaluate;
    }

    private Evaluator OutputEntry(DecisionRule rule, int index, NameScope names, string? ownerId)
    {
        if (index >= rule.OutputEntries.Count || string.IsNullOrWhiteSpace(rule.OutputEntries[index].Text))
        {
            return static _ => FeelValue.Null;
        }

        var entry = rule.OutputEntries[index];
        var at = new Expressions.LiteralExpression { Id = entry.Id ?? rule.Id, Position = entry.Position, Text = entry.Text };
        return context.CompileFeel(entry.Text, names, at, ownerId).Evaluate;
    }
}
