namespace Crm.Bpm.Cli.Hosting;

/// <summary>Every command of the <c>crm</c> tool, found by reflection so that each feature adds its command in its own folder.</summary>
public static class CommandCatalog
{
    /// <summary>Creates one instance of every non-abstract <see cref="ICliCommand"/> in this assembly.</summary>
    public static IReadOnlyList<ICliCommand> All() =>
        typeof(CommandCatalog).Assembly.GetTypes()
            .Where(t => t is { IsAbstract: false, IsInterface: false } && typeof(ICliCommand).IsAssignableFrom(t) && t.GetConstructor(Type.EmptyTypes) is not null)
            .Select(t => (ICliCommand)Activator.CreateInstance(t)!)
            .ToList();
}
