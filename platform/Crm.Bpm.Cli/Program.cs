using Crm.Bpm.Cli.Hosting;

return new CliApp(CommandCatalog.All()).Run(args, CliConsole.System);
