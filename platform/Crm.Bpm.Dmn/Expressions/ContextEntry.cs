using Crm.Bpm.Dmn.Types;

namespace Crm.Bpm.Dmn.Expressions;

/// <summary>One entry of a boxed context; an entry without a variable is the context's final result.</summary>
public sealed record ContextEntry(InformationItem? Variable, DmnExpression? Value);
