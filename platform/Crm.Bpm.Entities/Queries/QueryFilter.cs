using System.Text.Json.Nodes;

namespace Crm.Bpm.Entities.Queries;

/// <summary>One condition of a query on a field (<c>status</c>), a system field (<c>createdOn</c>) or a field of a lookup's record (<c>account.name</c>).</summary>
/// <remarks>
/// <para><c>Value</c>: The value compared with; a JSON array for <see cref="FilterOperator.In"/>; the lower bound for <see cref="FilterOperator.Between"/>.</para>
/// <para><c>To</c>: The upper bound for <see cref="FilterOperator.Between"/>.</para>
/// </remarks>
public sealed record QueryFilter(string Field, FilterOperator Operator, JsonNode? Value = null, JsonNode? To = null);
