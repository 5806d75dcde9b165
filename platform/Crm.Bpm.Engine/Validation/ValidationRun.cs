using Crm.Bpm.Diagnostics;
using Crm.Bpm.Engine.Model;
using Crm.Bpm.Engine.Model.Diagram;
using Crm.Bpm.Engine.Model.Processes;

namespace Crm.Bpm.Engine.Validation;

/// <summary>One validation of one model: the resolved graph, the file name to stamp on findings, and the findings so far.</summary>
internal sealed class ValidationRun(ModelGraph graph, string? file)
{
    public ModelGraph Graph { get; } = graph;

    public List<Diagnostic> Diagnostics { get; } = [];

    /// <summary>Whether the engine would run the process: only <c>isExecutable="true"</c> counts, as in Camunda 8.</summary>
    public static bool IsExecutable(Process? process) => process?.IsExecutable == true;

    /// <summary>Reports a rule that makes a drawing ambiguous and an executable process impossible to run: a warning under <paramref name="drawingCode"/>, or an error under <paramref name="executionCode"/>.</summary>
    public void ReportByExecutability(Process? process, string drawingCode, string executionCode, BaseElement at, string message)
    {
        if (IsExecutable(process))
        {
            Report(DiagnosticSeverity.Error, executionCode, at, message);
        }
        else
        {
            Report(DiagnosticSeverity.Warning, drawingCode, at, message);
        }
    }

    /// <summary>The process that owns <paramref name="element"/>, or null for elements outside every process.</summary>
    public Process? ProcessOf(FlowElement element) => Graph.ScopeOf(element)?.Process;

    public void Report(DiagnosticSeverity severity, string code, BaseElement at, string message)
    {
        var position = at.Position;
        Diagnostics.Add(new Diagnostic(
            severity,
            code,
            message,
            file,
            position.IsKnown ? position.Line : null,
            position.IsKnown ? position.Column : null,
            at.Id));
    }

    public void Report(DiagnosticSeverity severity, string code, DiagramElement at, string message)
    {
        var position = at.Position;
        Diagnostics.Add(new Diagnostic(
            severity,
            code,
            message,
            file,
            position.IsKnown ? position.Line : null,
            position.IsKnown ? position.Column : null,
            at.Id));
    }
}
