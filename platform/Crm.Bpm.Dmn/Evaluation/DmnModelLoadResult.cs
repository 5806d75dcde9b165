using Crm.Bpm.Diagnostics;

namespace Crm.Bpm.Dmn.Evaluation;

/// <summary>The outcome of loading and compiling a DMN model: the model, unless the file could not be read, and every finding.</summary>
public sealed record DmnModelLoadResult(DmnModel? Model, IReadOnlyList<Diagnostic> Diagnostics)
{
    /// <summary>Whether any finding is an error (the model may still be usable for the elements that compiled).</summary>
    public bool HasErrors => Diagnostics.Any(d => d.IsError);
}
