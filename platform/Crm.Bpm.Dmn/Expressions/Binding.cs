using Crm.Bpm.Dmn.Types;

namespace Crm.Bpm.Dmn.Expressions;

/// <summary>One argument of a boxed invocation; an absent expression binds null.</summary>
public sealed record Binding(InformationItem Parameter, DmnExpression? Expression);
