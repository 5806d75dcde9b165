using Crm.Bpm.Dmn.Evaluation;
using Crm.Bpm.Feel.Values;

namespace Crm.Bpm.Dmn.Tests;

/// <summary>Loads fixture models once and evaluates their decisions with .NET input values.</summary>
internal static class DmnTestModels
{
    private static readonly Dictionary<string, DmnModel> Cache = new(StringComparer.Ordinal);

    public static DmnModel Load(string fixture)
    {
        lock (Cache)
        {
            if (!Cache.TryGetValue(fixture, out var model))
            {
                var loaded = DmnModel.Load(TestFiles.Fixture(fixture));
                loaded.Diagnostics.Where(d => d.IsError).Should().BeEmpty();
                model = loaded.Model!;
                Cache[fixture] = model;
            }

            return model;
        }
    }

    public static Dictionary<string, FeelValue> Inputs(params (string Name, object? Value)[] values) =>
        values.ToDictionary(v => v.Name, v => FeelValue.From(v.Value), StringComparer.Ordinal);

    /// <summary>The value as plain .NET data for assertions: numbers as decimal, lists as object lists, contexts as dictionaries.</summary>
    public static object? Plain(FeelValue value) => value switch
    {
        FeelNull => null,
        FeelNumber n => decimal.Parse(n.Value.ToString(), System.Globalization.CultureInfo.InvariantCulture),
        FeelString s => s.Value,
        FeelBoolean b => b.Value,
        FeelList l => l.Items.Select(Plain).ToList(),
        FeelContext c => c.Entries.ToDictionary(e => e.Key, e => Plain(e.Value)),
        _ => value.ToFeelString(),
    };
}
