using Crm.Bpm.Diagnostics;

namespace Crm.Bpm.Entities.Schemas;

/// <summary>The entity schema read from a document, or null with the errors that prevented it.</summary>
public sealed record SchemaReadResult(EntitySchema? Schema, IReadOnlyList<Diagnostic> Diagnostics);
