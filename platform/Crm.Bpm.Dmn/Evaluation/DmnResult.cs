using Crm.Bpm.Diagnostics;
using Crm.Bpm.Feel.Values;

namespace Crm.Bpm.Dmn.Evaluation;

/// <summary>The value an evaluation produced and the warnings explaining any null along the way.</summary>
/// <param name="Value">The result; FEEL null when the element failed (see <paramref name="Warnings"/>).</param>
/// <param name="Warnings">Why parts of the evaluation gave null (DMN errors are null results, never exceptions).</param>
public sealed record DmnResult(FeelValue Value, IReadOnlyList<Diagnostic> Warnings)
{
    /// <summary>The values of each output decision when a decision service was invoked, in output order; empty otherwise.</summary>
    public IReadOnlyList<KeyValuePair<string, FeelValue>> Outputs { get; init; } = [];
}
