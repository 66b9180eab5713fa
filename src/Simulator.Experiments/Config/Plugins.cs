using System.Reflection;
using Simulator.Strategies;

namespace Simulator.Experiments;

/// <summary>
/// Strategies and scenario kinds from a user's own assemblies: <c>plugins: [path.dll, ...]</c> in the file
/// (relative to it) or <c>--plugin path.dll</c>. Every class there carrying <see cref="StrategyAttribute"/> joins
/// the built-in strategies under its name, and every public <see cref="ScenarioKind"/> with a constructor without
/// parameters the built-in kinds; a name both use is an error. Each assembly's SHA-256 goes into the resolved
/// config, so a rebuilt plugin is another configuration.
/// </summary>
public static class Plugins
{
    /// <summary>A plugin to load: its absolute path and where it was named (file and line, for errors).</summary>
    public sealed record Named(string Path, string File, int Line);

    /// <summary>What the built-in strategies and kinds and those of some plugins make: the registries, and one resolved line per plugin.</summary>
    public sealed record Loaded(StrategyRegistry Registry, ScenarioKinds Kinds, IReadOnlyList<string> Resolved);

    /// <summary>The registries of the built-in strategies and kinds and those of <paramref name="plugins"/>.</summary>
    public static Loaded Load(IReadOnlyList<Named> plugins)
    {
        if (plugins.Count == 0) return new(StrategyRegistry.BuiltIn, ScenarioKinds.BuiltIn, Array.Empty<string>());
        var assemblies = new List<Assembly> { typeof(StrategyRegistry).Assembly };
        var kinds = new List<ScenarioKind>();
        var resolved = new List<string>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var plugin in plugins)
        {
            if (!File.Exists(plugin.Path)) throw Problem(plugin, $"plugin '{plugin.Path}' does not exist.");
            if (!seen.Add(plugin.Path)) throw Problem(plugin, $"plugin '{plugin.Path}' is named twice.");
            Assembly assembly;
            Type[] types;
            try
            {
                // A context of its own per load: two files of one assembly name can both be plugins.
                assembly = new PluginLoadContext(plugin.Path).LoadFromAssemblyPath(plugin.Path);
                types = assembly.GetTypes();
            }
            catch (Exception ex) when (ex is BadImageFormatException or FileLoadException)
            {
                throw Problem(plugin, $"plugin '{plugin.Path}' is not a .NET assembly.");
            }
            catch (ReflectionTypeLoadException ex)
            {
                throw Problem(plugin, $"plugin '{plugin.Path}' cannot be loaded: {string.Join("; ", ex.LoaderExceptions.Select(e => e?.Message).Distinct())}");
            }
            var declared = types.Where(t => t.IsPublic && !t.IsAbstract && typeof(ScenarioKind).IsAssignableFrom(t) && t.GetConstructor(Type.EmptyTypes) is not null).ToArray();
            if (!types.Any(t => t.GetCustomAttributes<StrategyAttribute>().Any()) && declared.Length == 0)
                throw Problem(plugin, $"plugin '{plugin.Path}' has no class marked [Strategy(...)] and no scenario kind.");
            kinds.AddRange(declared.Select(t => (ScenarioKind)Activator.CreateInstance(t)!));
            assemblies.Add(assembly);
            resolved.Add($"{plugin.Path} (sha256 {FileHash.Of(plugin.Path)})");
            try
            {
                // Built as each plugin joins, so that a clash or a bad declaration is the plugin's that brought it.
                _ = new StrategyRegistry(assemblies.Distinct().ToArray());
                _ = ScenarioKinds.BuiltIn.With(kinds);
            }
            catch (StrategyException ex)
            {
                throw Problem(plugin, $"plugin '{plugin.Path}': {ex.Message}");
            }
        }
        return new(new StrategyRegistry(assemblies.Distinct().ToArray()), ScenarioKinds.BuiltIn.With(kinds), resolved);
    }

    private static ConfigException Problem(Named plugin, string problem) => new(plugin.File, plugin.Line, plugin.File == CommandLine ? "" : "plugins", problem);

    /// <summary>Where a plugin given on the command line (<c>--plugin</c>) is named.</summary>
    public const string CommandLine = "--plugin";
}
