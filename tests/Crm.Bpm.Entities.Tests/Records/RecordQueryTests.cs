using System.Text.Json.Nodes;
using Crm.Bpm.Entities.Queries;
using Crm.Bpm.Entities.Records;
using Crm.Bpm.Entities.Tests.Infrastructure;

namespace Crm.Bpm.Entities.Tests.Records;

/// <summary>Filters, sorting, keyset paging and text search, on each database.</summary>
public abstract class RecordQueryTests : EntitiesTestBase
{
    private Dictionary<string, Guid> Seed()
    {
        var service = World.Service;
        var acme = service.Create(CrmWorld.Admin, "Account", Json.Object("""{ "name": "Acme Corporation" }""")).Record!.Id;
        var globex = service.Create(CrmWorld.Admin, "Account", Json.Object("""{ "name": "Globex" }""")).Record!.Id;
        var ids = new Dictionary<string, Guid>();
        var leads = new (string Name, string? Company, string Status, int? Score, decimal? Budget, Guid? Account)[]
        {
            ("Ada Lovelace", "Analytical Engines", "new", 90, 5000m, acme),
            ("Alan Turing", "Bletchley", "qualifying", 75, null, acme),
            ("Grace Hopper", "Navy Labs", "new", 60, 1500m, globex),
            ("Edsger Dijkstra", null, "qualified", 75, 800m, null),
            ("Barbara Liskov", "MIT", "new", null, 2500m, globex),
            ("Donald Knuth", "Stanford", "disqualified", 20, 100m, null),
            ("Ken Thompson", "Bell Labs", "new", 45, 3000m, acme),
        };
        foreach (var (name, company, status, score, budget, account) in leads)
        {
            var values = new JsonObject { ["name"] = name, ["company"] = company, ["status"] = status, ["score"] = score, ["budget"] = budget, ["account"] = account?.ToString() };
            var created = service.Create(CrmWorld.Admin, "Lead", values);
            created.Succeeded.Should().BeTrue(string.Join("; ", created.Diagnostics));
            ids[name] = created.Record!.Id;
        }

        return ids;
    }

    private List<string> Names(params QueryFilter[] filters) => Names(new RecordQuery { Entity = "Lead", Filters = filters, Sort = [new("name")] });

    private List<string> Names(RecordQuery query)
    {
        var result = World.Service.Query(CrmWorld.Admin, query);
        result.Succeeded.Should().BeTrue(string.Join("; ", result.Diagnostics));
        return result.Page!.Records.Select(r => r.Values["name"]!.GetValue<string>()).ToList();
    }

    [DatabaseFact]
    public void Filters_SelectTheRecordsEachOperatorDescribes()
    {
        Seed();

        Names(new QueryFilter("status", FilterOperator.Equal, "qualifying")).Should().Equal("Alan Turing");
        Names(new QueryFilter("status", FilterOperator.NotEqual, "new")).Should().Equal("Alan Turing", "Donald Knuth", "Edsger Dijkstra");
        Names(new QueryFilter("company", FilterOperator.NotEqual, "MIT")).Should().HaveCount(6, "an empty company differs from MIT too");
        Names(new QueryFilter("score", FilterOperator.Less, 45)).Should().Equal("Donald Knuth");
        Names(new QueryFilter("score", FilterOperator.GreaterOrEqual, 75)).Should().Equal("Ada Lovelace", "Alan Turing", "Edsger Dijkstra");
        Names(new QueryFilter("status", FilterOperator.In, new JsonArray("qualified", "disqualified"))).Should().Equal("Donald Knuth", "Edsger Dijkstra");
        Names(new QueryFilter("company", FilterOperator.Contains, "LABS")).Should().Equal("Grace Hopper", "Ken Thompson");
        Names(new QueryFilter("name", FilterOperator.StartsWith, "a")).Should().Equal("Ada Lovelace", "Alan Turing");
        Names(new QueryFilter("budget", FilterOperator.Between, 1000, 3000)).Should().Equal("Barbara Liskov", "Grace Hopper", "Ken Thompson");
        Names(new QueryFilter("company", FilterOperator.IsEmpty)).Should().Equal("Edsger Dijkstra");
        Names(new QueryFilter("score", FilterOperator.IsNotEmpty), new QueryFilter("budget", FilterOperator.Greater, 1000)).Should().Equal("Ada Lovelace", "Grace Hopper", "Ken Thompson");
    }

    [DatabaseFact]
    public void Filters_OnALookupsDisplayField_JoinTheReferredRecord()
    {
        Seed();

        Names(new QueryFilter("account.name", FilterOperator.StartsWith, "acme")).Should().Equal("Ada Lovelace", "Alan Turing", "Ken Thompson");
        Names(new QueryFilter("account.name", FilterOperator.Equal, "Globex"), new QueryFilter("score", FilterOperator.IsNotEmpty)).Should().Equal("Grace Hopper");
        var page = World.Service.Query(CrmWorld.Admin, new RecordQuery { Entity = "Lead", Filters = [new("name", FilterOperator.Equal, "Ada Lovelace")] }).Page!;
        page.Records.Single().LookupDisplay["account"].Should().Be("Acme Corporation");
    }

    [DatabaseFact]
    public void Sort_PutsEmptyValuesFirstAscendingAndLastDescending()
    {
        Seed();

        Names(new RecordQuery { Entity = "Lead", Sort = [new("score", Descending: true), new("name")] })
            .Should().Equal("Ada Lovelace", "Alan Turing", "Edsger Dijkstra", "Grace Hopper", "Ken Thompson", "Donald Knuth", "Barbara Liskov");
        Names(new RecordQuery { Entity = "Lead", Sort = [new("score"), new("name")] })
            .Should().Equal("Barbara Liskov", "Donald Knuth", "Ken Thompson", "Grace Hopper", "Alan Turing", "Edsger Dijkstra", "Ada Lovelace");
    }

    [DatabaseFact]
    public void KeysetPaging_WalksEveryRecordOnce_InSortOrder()
    {
        Seed();
        foreach (var sort in new[] { new QuerySort("score", true), new QuerySort("score"), new QuerySort("company"), new QuerySort("account.name", true) })
        {
            var all = Names(new RecordQuery { Entity = "Lead", Sort = [sort], PageSize = 100 });
            var paged = new List<string>();
            string? cursor = null;
            do
            {
                var page = World.Service.Query(CrmWorld.Admin, new RecordQuery { Entity = "Lead", Sort = [sort], PageSize = 2, After = cursor }).Page!;
                paged.AddRange(page.Records.Select(r => r.Values["name"]!.GetValue<string>()));
                cursor = page.NextCursor;
            }
            while (cursor is not null);

            paged.Should().Equal(all, $"paging sorted by {sort} must match one query");
        }
    }

    [DatabaseFact]
    public void TextSearch_LooksInDisplayAndSearchFields_IgnoringCase()
    {
        Seed();

        Names(new RecordQuery { Entity = "Lead", Search = "LABS", Sort = [new("name")] }).Should().Equal("Grace Hopper", "Ken Thompson");
        Names(new RecordQuery { Entity = "Lead", Search = "grace navy", Sort = [new("name")] }).Should().Equal("Grace Hopper");
    }

    [DatabaseFact]
    public void BadQueries_AreRefused_NamingTheFieldAndWhatToDo()
    {
        Seed();
        var service = World.Service;

        var unknownEntity = service.Query(CrmWorld.Admin, new RecordQuery { Entity = "Leads" });
        unknownEntity.Failure.Should().Be(RecordFailure.Invalid);
        unknownEntity.Diagnostics.Single().Message.Should().Contain("There is no entity 'Leads'");

        var unknownField = service.Query(CrmWorld.Admin, new RecordQuery { Entity = "Lead", Filters = [new("stage", FilterOperator.Equal, "new")], Sort = [new("account.title")] });
        unknownField.Failure.Should().Be(RecordFailure.Invalid);
        unknownField.Diagnostics.Select(d => (d.ElementId, d.Code)).Should().Equal(("filters[0]", "QRY002"), ("sort[0]", "QRY002"));
        unknownField.Diagnostics[0].Message.Should().Contain("Lead has no field 'stage'");
        unknownField.Diagnostics[1].Message.Should().Contain("Account has no field 'title'");

        var notLookup = service.Query(CrmWorld.Admin, new RecordQuery { Entity = "Lead", Filters = [new("company.name", FilterOperator.Equal, "x")] });
        notLookup.Diagnostics.Single().Message.Should().Contain("'company' of Lead is not a lookup");

        var wrongValue = service.Query(CrmWorld.Admin, new RecordQuery { Entity = "Lead", Filters = [new("score", FilterOperator.Greater, "high")] });
        wrongValue.Diagnostics.Single().Message.Should().Contain("expected a number");

        var foreignCursor = service.Query(CrmWorld.Admin, new RecordQuery { Entity = "Lead", After = "bm90LWEtY3Vyc29y" });
        foreignCursor.Diagnostics.Single().Code.Should().Be("QRY006");
    }
}
