using Crm.Bpm.Diagnostics;

namespace Crm.Bpm.Entities.Schemas;

/// <summary>The outcome of registering schemas: the registered versions, or the reasons (with the records affected) nothing was registered.</summary>
public sealed record SchemaChangeResult(IReadOnlyList<EntitySchema> Schemas, IReadOnlyList<Diagnostic> Diagnostics)
{
    public bool Succeeded => !Diagnostics.Any(d => d.IsError);
}
