using Crm.Bpm.Cli.Hosting;

// The database drivers' synchronous calls wait on the runtime's socket engine; completing those waits on the engine's
// own thread instead of handing each to the thread pool halves the client CPU per PostgreSQL round trip (measured in
// docs/engine-benchmarks.md). Read once, at the first socket operation; a value set outside is kept.
if (Environment.GetEnvironmentVariable("DOTNET_SYSTEM_NET_SOCKETS_INLINE_COMPLETIONS") is null)
{
    Environment.SetEnvironmentVariable("DOTNET_SYSTEM_NET_SOCKETS_INLINE_COMPLETIONS", "1");
}

return new CliApp(CommandCatalog.All()).Run(args, CliConsole.System);
