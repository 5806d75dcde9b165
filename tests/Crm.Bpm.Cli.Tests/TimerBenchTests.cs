using System.Text.Json;
using Crm.Bpm.Cli.Hosting;

namespace Crm.Bpm.Cli.Tests;

/// <summary><c>crm bench engine --scenario timers</c> fires the acquired timers in batches, with one engine or several (<c>--engines N</c>) on one database.</summary>
public sealed class TimerBenchTests
{
    private static (int Code, string Out, string Error) Run(params string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var code = new CliApp(CommandCatalog.All()).Run(args, new CliConsole(output, error));
        return (code, output.ToString().Trim(), error.ToString().Trim());
    }

    [Theory]
    [InlineData("1", "timers")]
    [InlineData("3", "timers (3 engines)")]
    public void Timers_OnSqlite_FireEveryDueTimer_AndPrintTheSeconds(string engines, string name)
    {
        var (code, output, error) = Run("bench", "engine", "--store", "sqlite", "--scenario", "timers", "--instances", "250", "--engines", engines);

        code.Should().Be(0, error);
        var figure = JsonDocument.Parse(output.Split('\n').Single()).RootElement;
        figure.GetProperty("name").GetString().Should().Be(name);
        figure.GetProperty("unit").GetString().Should().Be("s");
        figure.GetProperty("instances").GetInt32().Should().Be(250, "the run fails unless exactly the due timers fire");
        figure.GetProperty("store").GetString().Should().Be("sqlite");
        figure.GetProperty("value").GetDouble().Should().BePositive();
    }
}
