using Crm.Bpm.Feel.Values;

namespace Crm.Bpm.Feel.Functions;

/// <summary>One parameter list of a built-in function and its implementation.</summary>
internal sealed record Signature(string[] Parameters, int Required, bool Variadic, Func<Call, FeelValue> Body);
