using Simulator.Experiments;

namespace Simulator.Experiments.Tests;

/// <summary>The reader never crashes: deep nesting, a second document and complex keys are errors with the file and line.</summary>
public class YamlLimitsTests
{
    [Fact]
    public void Deep_flow_nesting_is_refused_before_it_can_overflow_the_stack()
    {
        var ex = Assert.Throws<ConfigException>(() => YamlDoc.Parse("name: x\nseed: " + new string('[', 100_000), "deep.yaml"));
        Assert.Equal("deep.yaml", ex.File);
        Assert.Equal(2, ex.Line);
        Assert.Contains("nested deeper than 200 levels", ex.Message);
        // Brackets inside quotes and comments do not count.
        Assert.Equal("x", YamlDoc.Parse("a: '" + new string('[', 500) + "'\n# " + new string('{', 500) + "\nb: x", "ok.yaml").Mapping()["b"].Text());
    }

    [Fact]
    public void A_second_document_and_a_complex_key_are_errors_with_their_line()
    {
        var second = Assert.Throws<ConfigException>(() => YamlDoc.Parse("name: a\n---\nname: b\n", "two.yaml"));
        Assert.Equal(3, second.Line);
        Assert.Contains("a second YAML document", second.Message);
        var complex = Assert.Throws<ConfigException>(() => YamlDoc.Parse("? [a, b]\n: c\n", "key.yaml").Mapping());
        Assert.Equal(1, complex.Line);
        Assert.Contains("a key must be a plain name", complex.Message);
        var unclosed = Assert.Throws<ConfigException>(() => YamlDoc.Parse("x: 1\na: {b: 1, c: 2\nd: 3\n", "open.yaml"));
        Assert.Contains("not valid YAML", unclosed.Message);
        Assert.Equal(2, unclosed.Line);
    }

    [Fact]
    public void The_config_hash_follows_the_content_of_a_referenced_catalog_file()
    {
        string dir = Path.Combine(Path.GetTempPath(), $"hash-{Guid.NewGuid():N}");
        Directory.CreateDirectory(dir);
        try
        {
            string catalog = Path.Combine(dir, "c.yaml");
            string Catalog(string bytes) => $"blocks: [{{id: b, bytes: {bytes}}}]\nmodels: [{{id: m, blocks: [b], profile: {{alpha: 1 ms, beta: 1 ms}}, activation: 1 MB}}]\n";
            File.WriteAllText(catalog, Catalog("10 MB"));
            const string experiment = """
                name: h
                seed: 1
                replications: 2
                horizon: 10 s
                scenario:
                  catalog: {file: c.yaml}
                  arrivals: {rate: 1 /s}
                  deadline: 1 s
                strategies: [fcfs]
                """;
            string Hash() => ExperimentReader.Read(YamlDoc.Parse(experiment, "h.yaml"), dir).Hash;
            string before = Hash();
            Assert.Equal(before, Hash());
            File.WriteAllText(catalog, Catalog("11 MB"));
            Assert.NotEqual(before, Hash());
        }
        finally
        {
            Directory.Delete(dir, true);
        }
    }
}
