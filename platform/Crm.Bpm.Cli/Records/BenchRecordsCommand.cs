using System.Diagnostics;
using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Crm.Bpm.Cli.Hosting;
using Crm.Bpm.Entities.Access;
using Crm.Bpm.Entities.Queries;
using Crm.Bpm.Entities.Records;
using Crm.Bpm.Entities.Schemas;

namespace Crm.Bpm.Cli.Records;

/// <summary><c>crm bench records</c>: inserts Lead records in batches through the record service, then times filtered, sorted pages of 50; prints one JSON line per phase.</summary>
/// <remarks>
/// The page query is the one a sales rep's list view runs: leads in one status with a score of at least X, best score
/// first, 50 per page, every fourth request continuing to the next page with the keyset cursor. Statuses and
/// thresholds vary per request. With <c>--reuse</c>, records already in the database count towards <c>--records</c>,
/// so query timings can be repeated without inserting again. <c>--writers</c> batches are in flight at once, each in its own
/// transaction (default 2 on PostgreSQL, 1 on SQLite).
/// </remarks>
public sealed class BenchRecordsCommand : ICliCommand, IDeclaresOptions
{
    private static readonly string[] Statuses = ["new", "new", "new", "qualifying", "qualifying", "qualified", "disqualified", "converted"];
    private static readonly string[] Sources = ["web", "email", "event", "referral", "call"];

    /// <inheritdoc/>
    public IReadOnlyList<string> Path { get; } = ["bench", "records"];

    /// <inheritdoc/>
    public string Usage => "--store sqlite|postgres [--connection TEXT] [--records N] [--batch N] [--writers N] [--queries N] [--schemas FOLDER] [--reuse]";

    /// <inheritdoc/>
    public string Summary => "Insert N Lead records in batches and time filtered, sorted pages of 50; print JSON lines of figures.";

    /// <inheritdoc/>
    public IReadOnlyCollection<string> ValueOptions { get; } = ["store", "connection", "records", "batch", "writers", "queries", "schemas"];

    /// <inheritdoc/>
    public int Run(CliArguments arguments, CliConsole console)
    {
        ArgumentNullException.ThrowIfNull(arguments);
        ArgumentNullException.ThrowIfNull(console);
        if (arguments.Unknown([.. ValueOptions, "reuse"]).FirstOrDefault() is { } unknown)
        {
            throw new CliUsageException($"unknown option --{unknown}");
        }

        var store = arguments.Require("store");
        var records = Count(arguments, "records", 1_000_000);
        var batch = Count(arguments, "batch", 1_000);
        var queries = Count(arguments, "queries", 200);
        var writers = Count(arguments, "writers", DefaultWriters(store));
        var database = RecordsDatabase.Open(store, arguments.Get("connection"));
        var registry = new SchemaRegistry(database.Schemas);
        if (!RecordsDatabase.Register(registry, RecordsDatabase.SchemasFolder(arguments.Get("schemas")), console))
        {
            console.Error.WriteLine("crm bench records: the schemas cannot be registered.");
            return 1;
        }

        var service = new RecordService(registry, database.Records, database.Access);
        var existing = arguments.Has("reuse") ? registry.Find("Lead") is null ? 0 : database.Schemas.CountRecords("Lead") : 0;
        var random = new Random(20261123);
        var toInsert = (int)Math.Max(0, records - existing);
        var batches = (toInsert + batch - 1) / batch;
        BatchResult? refused = null;
        var cpu = Environment.CpuUsage.TotalTime;
        var clock = Stopwatch.StartNew();
        // Each writer takes the next batch, prepares it (generation, validation, change log, keys, events) and commits it
        // in its own transaction; with two, one prepares while the database stores the other's rows.
        Parallel.For(0, batches, new ParallelOptions { MaxDegreeOfParallelism = writers }, (b, loop) =>
        {
            var generator = new Random(20261123 + b);
            var leads = Enumerable.Range(b * batch, Math.Min(batch, toInsert - (b * batch))).Select(i => Lead(generator, existing + i)).ToList();
            var result = service.CreateMany(CrmUser.System, "Lead", leads);
            if (!result.Succeeded)
            {
                Interlocked.CompareExchange(ref refused, result, null);
                loop.Stop();
            }
        });
        if (refused is not null)
        {
            foreach (var diagnostic in refused.Diagnostics.Take(10))
            {
                console.Error.WriteLine(diagnostic.ToString());
            }

            console.Error.WriteLine("crm bench records: a batch of generated leads was refused.");
            return 1;
        }

        clock.Stop();
        var cpuSeconds = (Environment.CpuUsage.TotalTime - cpu).TotalSeconds;
        console.Out.WriteLine(Line(json =>
        {
            json.WriteString("phase", "insert");
            json.WriteString("store", store);
            json.WriteNumber("records", toInsert);
            json.WriteNumber("batch", batch);
            json.WriteNumber("writers", writers);
            json.WriteNumber("seconds", clock.Elapsed.TotalSeconds);
            json.WriteNumber("recordsPerSecond", toInsert == 0 ? 0 : toInsert / clock.Elapsed.TotalSeconds);
            // The process's own CPU time (all threads): on a shared machine the wall clock also counts waiting for a core.
            json.WriteNumber("cpuSeconds", cpuSeconds);
        }));

        var total = database.Schemas.CountRecords("Lead");
        var times = new List<double>(queries);
        var rows = 0L;
        string? cursor = null;
        RecordQuery? previous = null;
        for (var i = -20; i < queries; i++)
        {
            var query = i % 4 == 3 && cursor is not null
                ? previous! with { After = cursor }
                : new RecordQuery
                {
                    Entity = "Lead",
                    Filters = [new("status", FilterOperator.Equal, Statuses[random.Next(Statuses.Length)]), new("score", FilterOperator.GreaterOrEqual, random.Next(0, 80))],
                    Sort = [new("score", Descending: true)],
                    PageSize = 50,
                };
            var started = Stopwatch.GetTimestamp();
            var page = service.Query(CrmUser.System, query);
            var elapsed = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
            if (!page.Succeeded)
            {
                console.Error.WriteLine($"crm bench records: the query failed: {string.Join("; ", page.Diagnostics)}");
                return 1;
            }

            cursor = page.Page!.NextCursor;
            previous = query with { After = null };
            if (i >= 0)
            {
                times.Add(elapsed);
                rows += page.Page.Records.Count;
            }
        }

        times.Sort();
        console.Out.WriteLine(Line(json =>
        {
            json.WriteString("phase", "query");
            json.WriteString("store", store);
            json.WriteNumber("leads", total);
            json.WriteNumber("queries", queries);
            json.WriteNumber("pageSize", 50);
            json.WriteNumber("rowsPerPage", queries == 0 ? 0 : (double)rows / queries);
            json.WriteNumber("p50Ms", Percentile(times, 0.50));
            json.WriteNumber("p95Ms", Percentile(times, 0.95));
            json.WriteNumber("p99Ms", Percentile(times, 0.99));
            json.WriteNumber("maxMs", times.Count == 0 ? 0 : times[^1]);
        }));
        return 0;
    }

    // PostgreSQL stores one batch while the next is prepared; SQLite has a single writer, so a second one only waits.
    private static int DefaultWriters(string store) => store == "postgres" ? 2 : 1;

    private static double Percentile(List<double> sorted, double p) =>
        sorted.Count == 0 ? 0 : sorted[Math.Min(sorted.Count - 1, (int)Math.Ceiling(p * sorted.Count) - 1)];

    private static JsonObject Lead(Random random, long i)
    {
        var given = GivenNames[random.Next(GivenNames.Length)];
        var family = FamilyNames[random.Next(FamilyNames.Length)];
        var company = $"{FamilyNames[random.Next(FamilyNames.Length)]} {CompanyKinds[random.Next(CompanyKinds.Length)]}";
        return new JsonObject
        {
            ["name"] = $"{given} {family}",
            ["company"] = company,
            ["email"] = string.Create(CultureInfo.InvariantCulture, $"{given}.{family}.{i}@example.com").ToLowerInvariant(),
            ["phone"] = string.Create(CultureInfo.InvariantCulture, $"+1 555 {i / 10000 % 1000:000} {i % 10000:0000}"),
            ["status"] = Statuses[random.Next(Statuses.Length)],
            ["source"] = Sources[random.Next(Sources.Length)],
            ["score"] = random.Next(0, 101),
            ["budget"] = random.Next(0, 4) == 0 ? null : random.Next(100, 100_000),
        };
    }

    private static readonly string[] GivenNames = ["Ada", "Alan", "Grace", "Edsger", "Barbara", "Donald", "Ken", "Margaret", "John", "Frances", "Niklaus", "Radia"];
    private static readonly string[] FamilyNames = ["Lovelace", "Turing", "Hopper", "Dijkstra", "Liskov", "Knuth", "Thompson", "Hamilton", "Backus", "Allen", "Wirth", "Perlman"];
    private static readonly string[] CompanyKinds = ["Ltd", "Inc", "GmbH", "Labs", "Systems", "Partners"];

    private static int Count(CliArguments arguments, string name, int fallback)
    {
        if (arguments.Get(name) is not { } text)
        {
            return fallback;
        }

        if (!int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var value) || value < 1)
        {
            throw new CliUsageException($"--{name} must be a whole number of at least 1, not '{text}'");
        }

        return value;
    }

    private static string Line(Action<Utf8JsonWriter> write)
    {
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer))
        {
            json.WriteStartObject();
            write(json);
            json.WriteEndObject();
        }

        return Encoding.UTF8.GetString(buffer.ToArray());
    }
}
