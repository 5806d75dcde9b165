namespace Crm.Bpm.Connectors.Tests.Infrastructure;

/// <summary>One request the test HTTP server received.</summary>
public sealed record HttpTestRequest(string Method, string PathAndQuery, IReadOnlyDictionary<string, string> Headers, string Body);
