using System.Text.RegularExpressions;
using Simulator.Experiments;

namespace Simulator.Cli.Tests;

/// <summary>
/// The schema the readers accept and the reference the README and docs/ give are one (issue #12): every
/// key a section of any shipped experiment (or the quickstart) accepts is documented as a key.
/// </summary>
public partial class SchemaTests
{
    private static readonly string Repo = RepositoryRoot.Find();

    [Fact]
    public void Every_key_the_readers_accept_is_in_the_reference()
    {
        var files = Directory.GetFiles(Path.Combine(Repo, "experiments"), "*.yaml", SearchOption.AllDirectories)
            .Where(f => new[] { "partialloading", "chasing", "network" }.Contains(Path.GetFileName(Path.GetDirectoryName(f)), StringComparer.Ordinal));
        var schema = files.Select(f => ExperimentReader.Read(f)).Append(Quickstart.Read()).SelectMany(s => s.Schema).ToHashSet(StringComparer.Ordinal);
        Assert.Contains("scenario.uplink.placement.spacing", schema);
        Assert.Contains("scenario.uplink.rice_k", schema);
        Assert.Contains("scenario.cloudlet.storage", schema);
        string reference = File.ReadAllText(Path.Combine(Repo, "README.md")) + File.ReadAllText(Path.Combine(Repo, "docs", "network.md"));
        // Documented: written as a YAML key (`key:`) or named in code quotes (`key`) somewhere in the reference.
        var documented = KeyMention().Matches(reference).Select(m => m.Groups["key"].Success ? m.Groups["key"].Value : m.Groups["quoted"].Value).ToHashSet(StringComparer.Ordinal);
        var missing = schema.Select(path => path.Split('.')[^1]).Distinct().Where(key => !documented.Contains(key)).Order(StringComparer.Ordinal).ToArray();
        Assert.True(missing.Length == 0, $"accepted but not in the README's or docs/network.md's reference: {string.Join(", ", missing)}");
    }

    [GeneratedRegex(@"(?<![\w-])(?<key>[a-z][a-z0-9_]*):(?=\s)|`(?<quoted>[a-z][a-z0-9_]*)`")]
    private static partial Regex KeyMention();
}
