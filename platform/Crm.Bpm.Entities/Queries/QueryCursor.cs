using System.Buffers.Text;
using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Crm.Bpm.Entities.Queries;

/// <summary>Where a page ended: the sort values and id of its last record, encoded as an opaque string for the next request.</summary>
public sealed record QueryCursor(IReadOnlyList<object?> Values, Guid Id)
{
    /// <summary>The cursor as URL-safe text.</summary>
    public string Encode()
    {
        var array = new JsonArray();
        foreach (var value in Values)
        {
            array.Add(value switch
            {
                null => null,
                DateTime d => JsonValue.Create(d.ToString("O", CultureInfo.InvariantCulture)),
                decimal m => JsonValue.Create(m),
                bool b => JsonValue.Create(b),
                _ => JsonValue.Create(Convert.ToString(value, CultureInfo.InvariantCulture)),
            });
        }

        array.Add(Id.ToString("D"));
        return Base64Url.EncodeToString(Encoding.UTF8.GetBytes(array.ToJsonString()));
    }

    /// <summary>Reads a cursor for sort keys of the given types, or null when the text is not such a cursor.</summary>
    public static QueryCursor? Decode(string text, IReadOnlyList<PlannedSort> sort)
    {
        ArgumentNullException.ThrowIfNull(sort);
        try
        {
            if (JsonNode.Parse(Encoding.UTF8.GetString(Base64Url.DecodeFromChars(text))) is not JsonArray array || array.Count != sort.Count + 1
                || !Guid.TryParse(array[^1]?.GetValue<string>(), out var id))
            {
                return null;
            }

            var values = new List<object?>(sort.Count);
            for (var i = 0; i < sort.Count; i++)
            {
                values.Add(array[i] is null ? null : QueryPlanner.Convert(sort[i].Field, array[i]!, out _));
            }

            return new QueryCursor(values, id);
        }
        catch (Exception e) when (e is FormatException or JsonException or InvalidOperationException)
        {
            return null;
        }
    }
}
