using Crm.Bpm.Diagnostics;
using Crm.Bpm.Engine.Model;

namespace Crm.Bpm.Engine.Xml;

/// <summary>What parsing a BPMN file gave: the model (null when the input is unusable) and every diagnostic found on the way.</summary>
/// <param name="Definitions">The model; null when the input is not well-formed XML, has a DOCTYPE or is not BPMN 2.0.</param>
/// <param name="Diagnostics">Errors and warnings in document order; empty for a clean file.</param>
public sealed record BpmnParseResult(BpmnDefinitions? Definitions, IReadOnlyList<Diagnostic> Diagnostics)
{
    /// <summary>Whether any diagnostic is an error.</summary>
    public bool HasErrors => Diagnostics.Any(d => d.IsError);

    /// <summary>Whether a model was produced and no error was reported.</summary>
    public bool Succeeded => Definitions is not null && !HasErrors;
}
