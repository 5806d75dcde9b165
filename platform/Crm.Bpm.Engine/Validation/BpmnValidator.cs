using Crm.Bpm.Diagnostics;
using Crm.Bpm.Engine.Model;

namespace Crm.Bpm.Engine.Validation;

/// <summary>Finds what is wrong with a parsed BPMN model: broken references and shapes in every file, and what stops an executable process from running in Camunda 8 terms.</summary>
/// <remarks>
/// Codes are listed in <see cref="BpmnValidationCodes"/>. The validator does not repeat what the parser reports (duplicate
/// ids, missing required attributes). Findings come sorted by position. Thread-safe: each call works on its own state.
/// </remarks>
public static class BpmnValidator
{
    /// <summary>Validates <paramref name="definitions"/>; <paramref name="file"/> is stamped on every finding.</summary>
    public static IReadOnlyList<Diagnostic> Validate(BpmnDefinitions definitions, string? file = null)
    {
        ArgumentNullException.ThrowIfNull(definitions);
        var run = new ValidationRun(new ModelGraph(definitions), file);
        ReferenceChecks.Run(run);
        StructuralChecks.Run(run);
        ExecutionChecks.Run(run);
        var findings = run.Diagnostics;
        findings.Sort(static (a, b) =>
        {
            var byLine = (a.Line ?? int.MaxValue).CompareTo(b.Line ?? int.MaxValue);
            if (byLine != 0)
            {
                return byLine;
            }

            var byColumn = (a.Column ?? 0).CompareTo(b.Column ?? 0);
            return byColumn != 0 ? byColumn : string.CompareOrdinal(a.Code, b.Code);
        });
        return findings;
    }
}
