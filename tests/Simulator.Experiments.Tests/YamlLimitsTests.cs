using Simulator.Experiments;

namespace Simulator.Experiments.Tests;

/// <summary>The reader never crashes: deep nesting, a second document and complex keys are errors with the file and line.</summary>
public class YamlLimitsTests
{
    [Fact]
    public void Deep_flow_nesting_is_refused_before_it_can_overflow_the_stack()
    {
        var ex = Assert.Throws<ConfigException>(() => YamlDoc.Parse("name: x\nseed: " + new string('[', 50_000), "deep.yaml"));
        Assert.Equal("deep.yaml", ex.File);
        Assert.Equal(2, ex.Line);
        Assert.Contains("nested deeper than 200 levels", ex.Message);
        // Brackets inside quotes and comments do not count.
        Assert.Equal("x", YamlDoc.Parse("a: '" + new string('[', 500) + "'\n# " + new string('{', 500) + "\nb: x", "ok.yaml").Mapping()["b"].Text());
    }

    [Theory]
    [InlineData("- ")]
    [InlineData("? ")]
    [InlineData("  ")]
    public void Deep_block_nesting_on_one_line_or_by_indentation_is_refused_at_its_line(string level)
    {
        string text = "name: x\nseed:\n" + string.Concat(Enumerable.Repeat(level, 20_000)) + "1\n";
        var ex = Assert.Throws<ConfigException>(() => YamlDoc.Parse(text, "deep.yaml"));
        Assert.Equal(3, ex.Line);
        Assert.Contains("nested deeper than 200 levels", ex.Message);
        // Two hundred levels are still read.
        Assert.True(YamlDoc.Parse("a:\n" + string.Concat(Enumerable.Repeat("- ", 150)) + "1\n", "ok.yaml").Mapping()["a"].IsSequence);
    }

    [Fact]
    public void Long_lines_long_keys_tabs_and_binary_are_refused_at_their_line_without_echo()
    {
        var line = Assert.Throws<ConfigException>(() => YamlDoc.Parse("a: 1\nb: " + new string('x', 200_000) + "\n", "long.yaml"));
        Assert.Equal(2, line.Line);
        Assert.Contains("a line of 200,003 characters, more than the 100,000", line.Message);
        var key = Assert.Throws<ConfigException>(() => YamlDoc.Parse("a: 1\n" + new string('k', 5_000) + ": 1\n", "key.yaml"));
        Assert.Equal(2, key.Line);
        Assert.Contains("a key of 5,000 characters", key.Message);
        var tab = Assert.Throws<ConfigException>(() => YamlDoc.Parse("a:\n  b: 1\n\tc: 2\n", "tab.yaml"));
        Assert.Equal(3, tab.Line);
        Assert.Contains("a tab in the indentation", tab.Message);
        var binary = Assert.Throws<ConfigException>(() => YamlDoc.Parse("a: 1\n\u0001\u0002PNG\u0000\n", "x.png"));
        Assert.Equal(2, binary.Line);
        Assert.Contains("not a text file", binary.Message);
        Assert.DoesNotContain("PNG", binary.Message);
        // A block scalar's text is only text: indentation, dashes and brackets in it do not count.
        Assert.Equal("- - [[[\n", YamlDoc.Parse("a: |\n  - - [[[\nb: 1\n", "ok.yaml").Mapping()["a"].Text());
    }

    [Fact]
    public void A_file_larger_than_the_cap_is_refused_before_it_is_read()
    {
        string file = Path.Combine(Path.GetTempPath(), $"big-{Guid.NewGuid():N}.yaml");
        try
        {
            using (var stream = File.Create(file)) stream.SetLength(YamlDoc.MaxFileBytes + 1);
            var ex = Assert.Throws<ConfigException>(() => YamlDoc.Load(file));
            Assert.Equal(1, ex.Line);
            Assert.Contains("more than the 67,108,864 an input may have", ex.Message);
        }
        finally
        {
            File.Delete(file);
        }
    }

    [Fact]
    public void A_second_document_and_a_complex_key_are_errors_with_their_line()
    {
        var second = Assert.Throws<ConfigException>(() => YamlDoc.Parse("name: a\n---\nname: b\n", "two.yaml"));
        Assert.Equal(2, second.Line);
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
