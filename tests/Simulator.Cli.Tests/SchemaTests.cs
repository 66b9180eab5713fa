using Simulator.Experiments;

namespace Simulator.Cli.Tests;

/// <summary>
/// The config schema is declared once: docs/reference.md is generated from the declarations and must be current,
/// every declared key says what it is, and every key the readers bind in the shipped experiments is a declared one.
/// </summary>
public class SchemaTests
{
    private static readonly string Repo = RepositoryRoot.Find();

    [Fact]
    public void The_reference_is_what_the_declarations_give()
    {
        string stored = File.ReadAllText(Path.Combine(Repo, "docs", "reference.md")).Replace("\r\n", "\n", StringComparison.Ordinal);
        string generated = ReferenceDoc.Markdown(ScenarioKinds.BuiltIn).Replace("\r\n", "\n", StringComparison.Ordinal);
        Assert.True(stored == generated, "docs/reference.md is stale: run `simulator list reference > docs/reference.md`.");
        var (code, output, _) = CliHarness.Run("list", "reference");
        Assert.Equal(0, code);
        Assert.Equal(generated, output.Replace("\r\n", "\n", StringComparison.Ordinal));
    }

    [Fact]
    public void Every_declared_key_has_a_type_a_default_and_a_description()
    {
        var roots = new List<(SectionSchema, string)> { (ExperimentKeys.Top, "") };
        roots.AddRange(ScenarioKinds.BuiltIn.All.Select(k => (k.Section, "scenario")));
        int keys = 0;
        foreach (var (section, _) in SchemaWalk.Sections(roots))
            foreach (var key in section.Keys)
            {
                keys++;
                Assert.False(string.IsNullOrWhiteSpace(key.Help), $"{section.Title}.{key.Name} has no description");
                Assert.False(string.IsNullOrWhiteSpace(key.Type), $"{section.Title}.{key.Name} has no type");
                Assert.NotNull(key.Default);
                Assert.Matches("^[a-z][a-z0-9_]*$", key.Name);
            }
        Assert.True(keys > 120, $"{keys} keys");
    }

    [Fact]
    public void Every_key_the_readers_bind_in_the_shipped_experiments_is_declared()
    {
        var files = Directory.GetFiles(Path.Combine(Repo, "experiments"), "*.yaml", SearchOption.AllDirectories)
            .Where(f => File.ReadLines(f).Any(l => l.StartsWith("scenario:", StringComparison.Ordinal)));
        foreach (var spec in files.Select(f => ExperimentReader.Read(f)).Append(Quickstart.Read()))
        {
            var declared = SchemaWalk.Keys(ExperimentKeys.Top).Concat(SchemaWalk.Keys(spec.Kind.Section, "scenario")).Select(k => k.Path).ToHashSet(StringComparer.Ordinal);
            // The readers record paths without list indices (clusters.frozen); the declarations mark a list's items with [].
            var withoutItems = declared.Select(p => p.Replace("[]", "", StringComparison.Ordinal)).ToHashSet(StringComparer.Ordinal);
            foreach (var known in spec.Schema)
                Assert.True(withoutItems.Contains(known), $"{spec.Name}: the reader bound '{known}', which no declaration lists");
        }
    }
}
