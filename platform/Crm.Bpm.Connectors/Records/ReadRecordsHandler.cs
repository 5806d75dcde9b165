using System.Text.Json;
using System.Text.Json.Nodes;
using Crm.Bpm.Connectors.Jobs;
using Crm.Bpm.Engine.Hosting;
using Crm.Bpm.Entities.Queries;

namespace Crm.Bpm.Connectors.Records;

/// <summary><c>crm:read-records</c>: runs a query on <c>entity</c> and puts the records found into a list variable (default <c>records</c>).</summary>
/// <remarks>
/// Inputs: <c>entity</c>; <c>filters</c>, a list of <c>{field, operator, value, to}</c> (operators as in
/// <see cref="FilterOperator"/>, case-insensitive, or <c>= != &lt; &lt;= &gt; &gt;=</c>); <c>sort</c>, a list of field names
/// (<c>-score</c> for descending) or <c>{field, descending}</c>; <c>search</c>; <c>maxRecords</c> (default 100, at most
/// 1000); <c>runAs</c>. Headers <c>resultVariable</c>, <c>errorCode</c>.
/// </remarks>
public sealed class ReadRecordsHandler(RecordConnectorContext crm) : ConnectorHandler
{
    public const string JobType = "crm:read-records";

    private const int MaxRecords = 1000;

    /// <inheritdoc/>
    public override string Type => JobType;

    /// <inheritdoc/>
    protected override Task<JobOutcome> RunAsync(JobInputs inputs, JobContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(inputs);
        var entity = inputs.RequiredText("entity");
        var max = inputs.Integer("maxRecords", 100);
        if (max is < 1 or > MaxRecords)
        {
            throw new ConnectorInputException($"Job '{Type}': maxRecords must be between 1 and {MaxRecords}, not {max}.");
        }

        var query = new RecordQuery
        {
            Entity = entity,
            Filters = Filters(inputs),
            Sort = Sort(inputs),
            Search = inputs.Text("search"),
            PageSize = max,
        };
        var result = crm.Records.Query(crm.UserOf(inputs), query);
        if (!result.Succeeded)
        {
            return Task.FromResult(RecordConnectorContext.Refused(inputs, result.Failure, result.Diagnostics, $"Querying {entity}"));
        }

        var list = new JsonArray([.. result.Page!.Records.Select(r => (JsonNode)RecordJson.ToJson(r))]);
        return Task.FromResult(JobOutcome.Complete(new Dictionary<string, object?> { [inputs.ResultVariable("records")] = list }));
    }

    private List<QueryFilter> Filters(JobInputs inputs)
    {
        var node = inputs.Node("filters");
        if (node is null)
        {
            return [];
        }

        if (node is not JsonArray array)
        {
            throw new ConnectorInputException($"Job '{Type}': filters must be a list of {{field, operator, value}} contexts.");
        }

        var filters = new List<QueryFilter>();
        foreach (var item in array)
        {
            if (item is not JsonObject filter || filter["field"]?.GetValueKind() != JsonValueKind.String)
            {
                throw new ConnectorInputException($"Job '{Type}': each filter needs a field name, as in {{field: \"status\", operator: \"equal\", value: \"new\"}}; got {item?.ToJsonString() ?? "null"}.");
            }

            var op = filter["operator"]?.GetValue<string>() ?? "equal";
            filters.Add(new QueryFilter(filter["field"]!.GetValue<string>(), Operator(op), filter["value"]?.DeepClone(), filter["to"]?.DeepClone()));
        }

        return filters;
    }

    private FilterOperator Operator(string text) => text.Trim() switch
    {
        "=" => FilterOperator.Equal,
        "!=" => FilterOperator.NotEqual,
        "<" => FilterOperator.Less,
        "<=" => FilterOperator.LessOrEqual,
        ">" => FilterOperator.Greater,
        ">=" => FilterOperator.GreaterOrEqual,
        var name when Enum.TryParse<FilterOperator>(name.Replace(" ", string.Empty, StringComparison.Ordinal), ignoreCase: true, out var op) && !int.TryParse(name, out _) => op,
        _ => throw new ConnectorInputException($"Job '{Type}': '{text}' is not a filter operator; use one of {string.Join(", ", Enum.GetNames<FilterOperator>())}."),
    };

    private List<QuerySort> Sort(JobInputs inputs)
    {
        var node = inputs.Node("sort");
        IEnumerable<JsonNode?> items = node switch
        {
            null => [],
            JsonArray array => array,
            _ => inputs.List("sort").Select(s => (JsonNode?)JsonValue.Create(s)),
        };
        var sort = new List<QuerySort>();
        foreach (var item in items)
        {
            switch (item)
            {
                case JsonValue value when value.GetValueKind() == JsonValueKind.String:
                    var text = value.GetValue<string>().Trim();
                    sort.Add(text.StartsWith('-') ? new QuerySort(text[1..], Descending: true) : new QuerySort(text));
                    break;
                case JsonObject o when o["field"]?.GetValueKind() == JsonValueKind.String:
                    sort.Add(new QuerySort(o["field"]!.GetValue<string>(), o["descending"]?.GetValueKind() == JsonValueKind.True));
                    break;
                default:
                    throw new ConnectorInputException($"Job '{Type}': each sort key is a field name (\"-score\" for descending) or {{field, descending}}; got {item?.ToJsonString() ?? "null"}.");
            }
        }

        return sort;
    }
}
