namespace Crm.Bpm.Engine.Model;

/// <summary>One <c>xmlns</c> declaration on the definitions element; the empty prefix is the default namespace.</summary>
public sealed record NamespaceDeclaration(string Prefix, string Uri);
