using System.Text;
using System.Text.Json;

namespace Crm.Bpm.Cli.Engine;

/// <summary>One measured figure of <c>crm bench engine</c>, printed as one JSON line: what was measured, its value and unit, how many instances (tasks, timers) it covers, the store and the machine's core count.</summary>
internal sealed record BenchFigure(string Name, double Value, string Unit, long Instances, string Store)
{
    /// <summary>The figure as one JSON object on one line: name, value, unit, instances, store, cores.</summary>
    public string ToJson()
    {
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer))
        {
            json.WriteStartObject();
            json.WriteString("name", Name);
            json.WriteNumber("value", Math.Round(Value, 3));
            json.WriteString("unit", Unit);
            json.WriteNumber("instances", Instances);
            json.WriteString("store", Store);
            json.WriteNumber("cores", Environment.ProcessorCount);
            json.WriteEndObject();
        }

        return Encoding.UTF8.GetString(buffer.ToArray());
    }
}
