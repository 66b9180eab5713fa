using System.Text;
using System.Text.RegularExpressions;
using YamlDotNet.RepresentationModel;

namespace Simulator.Experiments;

/// <summary>
/// config.resolved.yaml: the experiment as it ran, itself an experiment file. It is the source file with
/// every override (--set, --seed, --replications) written into its tree and every file it names made
/// absolute, so `run config.resolved.yaml` from anywhere runs the same cells with the same seeds; below
/// it, as comments, every value the run used (defaults included) by dotted path, per sweep point. An
/// override that reaches into something the file only names (a list item of a shipped catalog) has no
/// place in its tree: the header then gives the --set that still has to accompany the file.
/// </summary>
public static partial class ResolvedConfig
{
    public static string Write(ExperimentSpec spec)
    {
        var text = new StringBuilder();
        text.AppendLine($"# The experiment '{spec.Name}' as it ran (sha256 {spec.Hash}): run this file to run it again.");
        if (spec.Source is { } source)
        {
            var stream = new YamlStream();
            stream.Load(new StringReader(source.Text));
            var root = (YamlMappingNode)stream.Documents[0].RootNode;
            var unplaced = new List<string>();
            foreach (var (path, value) in ExperimentReader.ParseSets(source.Sets))
                if (!Graft(root, path, value)) unplaced.Add(source.Sets.First(s => s.StartsWith(path + "=", StringComparison.Ordinal)));
            if (unplaced.Count > 0)
                text.AppendLine($"# Run it with: {string.Join(" ", unplaced.Select(s => $"--set \"{s}\""))} (these reach into what the file only names).");
            Absolute(root, source.BaseDirectory);
            using var writer = new StringWriter();
            stream.Save(writer, assignAnchors: false);
            text.Append(writer.ToString().Replace("\r\n", "\n", StringComparison.Ordinal).TrimEnd('.', '\n', ' ')).Append('\n');
        }
        text.AppendLine("# Every value the run used, defaults included:");
        foreach (var line in spec.ResolvedText.Split('\n', StringSplitOptions.RemoveEmptyEntries)) text.Append("# ").AppendLine(line);
        return text.ToString();
    }

    /// <summary>Puts <paramref name="value"/> at a dotted path (list items by index: clusters[1].frozen), making mappings on the way, or removes the key for ~; false when the tree has no such place.</summary>
    private static bool Graft(YamlMappingNode root, string path, YamlDoc value)
    {
        YamlNode node = root;
        var segments = path.Split('.');
        for (int s = 0; s < segments.Length; s++)
        {
            var m = Segment().Match(segments[s]);
            string key = m.Groups["key"].Value;
            var indices = m.Groups["index"].Captures.Select(c => int.Parse(c.Value, System.Globalization.CultureInfo.InvariantCulture)).ToArray();
            if (node is not YamlMappingNode mapping) return false;
            bool last = s == segments.Length - 1 && indices.Length == 0;
            if (last)
            {
                if (value.IsNull) mapping.Children.Remove(new YamlScalarNode(key));
                else mapping.Children[new YamlScalarNode(key)] = value.Node;
                return true;
            }
            if (!mapping.Children.TryGetValue(new YamlScalarNode(key), out var child))
            {
                if (value.IsNull) return true; // nothing there to remove
                if (indices.Length > 0) return false;
                mapping.Children[new YamlScalarNode(key)] = child = new YamlMappingNode();
            }
            for (int i = 0; i < indices.Length; i++)
            {
                if (child is not YamlSequenceNode list || indices[i] >= list.Children.Count) return false;
                if (s == segments.Length - 1 && i == indices.Length - 1)
                {
                    list.Children[indices[i]] = value.Node;
                    return true;
                }
                child = list.Children[indices[i]];
            }
            node = child;
        }
        return true;
    }

    /// <summary>Every scalar under a key named `file`, made absolute against the folder the experiment was read from.</summary>
    private static void Absolute(YamlNode node, string baseDirectory)
    {
        switch (node)
        {
            case YamlMappingNode m:
                foreach (var (key, child) in m.Children.ToArray())
                    if (key is YamlScalarNode { Value: "file" } && child is YamlScalarNode { Value: { } path })
                        m.Children[key] = new YamlScalarNode(Path.GetFullPath(Path.Combine(baseDirectory, path)));
                    else if (key is YamlScalarNode { Value: "plugins" } && child is YamlSequenceNode plugins)
                        m.Children[key] = new YamlSequenceNode(plugins.Children.Select(p => p is YamlScalarNode { Value: { } dll } ? new YamlScalarNode(Path.GetFullPath(Path.Combine(baseDirectory, dll))) : p));
                    else Absolute(child, baseDirectory);
                break;
            case YamlSequenceNode s:
                foreach (var child in s.Children) Absolute(child, baseDirectory);
                break;
        }
    }

    [GeneratedRegex(@"^(?<key>[^\[]+)(\[(?<index>\d+)\])*$")]
    private static partial Regex Segment();
}
