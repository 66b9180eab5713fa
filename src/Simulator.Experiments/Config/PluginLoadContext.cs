using System.Reflection;
using System.Runtime.Loader;

namespace Simulator.Experiments;

/// <summary>
/// Where a plugin's assemblies load: one context per plugin file. What the host has (the simulator's assemblies, the
/// framework, the packages the simulator ships) is the host's, so a plugin's strategies implement the host's interfaces
/// even when the plugin's folder holds copies of them; anything else the plugin depends on (a package of its own, a
/// native library) is found beside it through its <c>.deps.json</c>, as <c>dotnet build</c> or <c>publish</c> lays it out.
/// </summary>
internal sealed class PluginLoadContext(string pluginPath) : AssemblyLoadContext(pluginPath)
{
    private readonly AssemblyDependencyResolver resolver = new(pluginPath);

    protected override Assembly? Load(AssemblyName name)
    {
        try
        {
            return Default.LoadFromAssemblyName(name);
        }
        catch (Exception ex) when (ex is FileNotFoundException or FileLoadException)
        {
            // Not the host's (or not in the version the plugin needs): the plugin's own.
        }
        return resolver.ResolveAssemblyToPath(name) is { } path ? LoadFromAssemblyPath(path) : null;
    }

    protected override IntPtr LoadUnmanagedDll(string unmanagedDllName) =>
        resolver.ResolveUnmanagedDllToPath(unmanagedDllName) is { } path ? LoadUnmanagedDllFromPath(path) : IntPtr.Zero;
}
