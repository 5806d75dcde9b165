namespace Crm.Bpm.Cli.Hosting;

/// <summary>The arguments after a command's path: positional values, <c>--flag</c> switches and <c>--name value</c> options.</summary>
public sealed class CliArguments
{
    private readonly Dictionary<string, string?> _options;

    private CliArguments(IReadOnlyList<string> positional, Dictionary<string, string?> options)
    {
        Positional = positional;
        _options = options;
    }

    /// <summary>The values that are not options, in order.</summary>
    public IReadOnlyList<string> Positional { get; }

    /// <summary>Splits raw arguments; <paramref name="valueOptions"/> names the options that take a value.</summary>
    /// <exception cref="CliUsageException">An option that takes a value has none.</exception>
    public static CliArguments Parse(IReadOnlyList<string> args, IReadOnlyCollection<string> valueOptions)
    {
        var positional = new List<string>();
        var options = new Dictionary<string, string?>(StringComparer.Ordinal);
        for (var i = 0; i < args.Count; i++)
        {
            var arg = args[i];
            if (arg == "--")
            {
                positional.AddRange(args.Skip(i + 1));
                break;
            }

            if (arg.StartsWith("--", StringComparison.Ordinal) && arg.Length > 2)
            {
                var name = arg[2..];
                string? value = null;
                var eq = name.IndexOf('=', StringComparison.Ordinal);
                if (eq >= 0)
                {
                    value = name[(eq + 1)..];
                    name = name[..eq];
                }
                else if (valueOptions.Contains(name))
                {
                    if (i + 1 >= args.Count)
                    {
                        throw new CliUsageException($"option --{name} needs a value");
                    }

                    value = args[++i];
                }

                options[name] = value;
            }
            else
            {
                positional.Add(arg);
            }
        }

        return new CliArguments(positional, options);
    }

    /// <summary>Whether the switch or option was given.</summary>
    public bool Has(string name) => _options.ContainsKey(name);

    /// <summary>The option's value, or null when it was not given.</summary>
    public string? Get(string name) => _options.TryGetValue(name, out var value) ? value : null;

    /// <summary>The option's value.</summary>
    /// <exception cref="CliUsageException">The option was not given.</exception>
    public string Require(string name) =>
        Get(name) ?? throw new CliUsageException($"option --{name} is required");

    /// <summary>The option names that were given but are not in <paramref name="known"/>.</summary>
    public IEnumerable<string> Unknown(IReadOnlyCollection<string> known) => _options.Keys.Where(k => !known.Contains(k));
}
