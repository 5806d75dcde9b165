using System.Globalization;
using Crm.Bpm.Cli.Hosting;
using Crm.Bpm.Engine.Runtime;
using Crm.Bpm.Engine.Runtime.Deployment;

namespace Crm.Bpm.Cli.Engine;

/// <summary>What the <c>crm bench</c> commands share: the instance count option and deploying the model under test.</summary>
internal static class BenchArguments
{
    /// <summary>The <c>--instances</c> value, or <paramref name="fallback"/> when it is not given.</summary>
    /// <exception cref="CliUsageException">The value is not a whole number of at least 1.</exception>
    public static int Instances(CliArguments arguments, int fallback)
    {
        if (arguments.Get("instances") is not { } text)
        {
            return fallback;
        }

        if (!int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var instances) || instances < 1)
        {
            throw new CliUsageException($"--instances must be a whole number of at least 1, not '{text}'");
        }

        return instances;
    }

    /// <summary>Deploys <paramref name="model"/>; on failure prints its errors and a closing line, and returns null.</summary>
    public static DeployResult? Deploy(ProcessEngine engine, string model, string command, CliConsole console)
    {
        var deployed = engine.DeployFile(model);
        if (deployed.Succeeded)
        {
            return deployed;
        }

        foreach (var diagnostic in deployed.Diagnostics.Where(d => d.IsError))
        {
            console.Error.WriteLine(diagnostic.ToString());
        }

        console.Error.WriteLine($"crm {command}: {model} cannot be deployed.");
        return null;
    }
}
