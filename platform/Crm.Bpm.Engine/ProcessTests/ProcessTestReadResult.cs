using Crm.Bpm.Diagnostics;

namespace Crm.Bpm.Engine.ProcessTests;

/// <summary>What reading a process test file gave: the file, unless it has errors, and every finding.</summary>
public sealed record ProcessTestReadResult(ProcessTestFile? File, IReadOnlyList<Diagnostic> Diagnostics)
{
    public bool Succeeded => File is not null;
}
