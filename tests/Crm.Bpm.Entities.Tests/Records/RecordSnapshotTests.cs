using System.Text.Json.Nodes;
using Crm.Bpm.Entities.Records;
using Record = Crm.Bpm.Entities.Records.Record;

namespace Crm.Bpm.Entities.Tests.Records;

/// <summary>The outbox snapshot of a record: system fields, then values, as consumers have read it so far.</summary>
public sealed class RecordSnapshotTests
{
    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void Snapshot_IsTheJsonOfSystemFieldsThenValues(bool withUsers)
    {
        var values = JsonNode.Parse("""{ "name": "Zoë \"Z\" <O'Neil> + Co", "score": 12.50, "vip": true, "due": "2026-11-23", "tags": ["a", "b"] }""")!.AsObject();
        var record = new Record
        {
            Id = Guid.Parse("01a20adb-401f-78fc-ac08-7a45c9731c71"),
            Entity = "Lead",
            Version = 3,
            Owner = withUsers ? Guid.Parse("00000000-0000-0000-0000-0000000000a1") : null,
            CreatedOn = new DateTime(2026, 11, 23, 10, 15, 30, 123, DateTimeKind.Utc).AddTicks(4567),
            CreatedBy = withUsers ? Guid.Parse("00000000-0000-0000-0000-0000000000b0") : null,
            ModifiedOn = new DateTime(2026, 11, 24, 0, 0, 0, DateTimeKind.Utc),
            ModifiedBy = null,
            Values = values,
        };

        var snapshot = RecordValues.Snapshot(record);

        // The document as a JsonObject of the same fields writes it.
        var expected = new JsonObject
        {
            ["id"] = record.Id.ToString("D"),
            ["entity"] = record.Entity,
            ["version"] = record.Version,
            ["owner"] = record.Owner?.ToString("D"),
            ["createdOn"] = record.CreatedOn,
            ["createdBy"] = record.CreatedBy?.ToString("D"),
            ["modifiedOn"] = record.ModifiedOn,
            ["modifiedBy"] = record.ModifiedBy?.ToString("D"),
            ["values"] = values.DeepClone(),
        }.ToJsonString();
        snapshot.Should().Be(expected);
        snapshot.Should().StartWith("""{"id":"01a20adb-401f-78fc-ac08-7a45c9731c71","entity":"Lead","version":3,""");
        snapshot.Should().Contain("\"createdOn\":\"2026-11-23T10:15:30.1234567Z\"").And.Contain("\"score\":12.50");
    }
}
