using System.Reflection;

namespace Simulator.Experiments;

/// <summary>The catalogs of experiments/catalogs/, embedded in this assembly and named by file name: <c>catalog: {name: two-resnet50-clusters}</c>.</summary>
public static class ShippedCatalogs
{
    private const string Prefix = "catalogs/";

    public static IReadOnlyList<string> Names { get; } = Assembly.GetExecutingAssembly().GetManifestResourceNames()
        .Where(n => n.StartsWith(Prefix, StringComparison.Ordinal)).Select(n => Path.GetFileNameWithoutExtension(n[Prefix.Length..])).Order(StringComparer.Ordinal).ToArray();

    public static string? Text(string name)
    {
        using var stream = Assembly.GetExecutingAssembly().GetManifestResourceStream($"{Prefix}{name}.yaml");
        if (stream is null) return null;
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }
}
