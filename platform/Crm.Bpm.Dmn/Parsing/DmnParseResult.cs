using Crm.Bpm.Diagnostics;
using Crm.Bpm.Dmn.Drg;

namespace Crm.Bpm.Dmn.Parsing;

/// <summary>What reading a DMN file produced: the model, when the XML could be read, and the findings about it.</summary>
public sealed record DmnParseResult(DmnDefinitions? Definitions, IReadOnlyList<Diagnostic> Diagnostics)
{
    /// <summary>Whether any finding is an error.</summary>
    public bool HasErrors => Diagnostics.Any(d => d.IsError);
}
