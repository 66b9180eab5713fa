namespace Simulator.Experiments.Tests;

/// <summary>YAML's merge key (<c>&lt;&lt;: *name</c>), as PyYAML and GitLab read it: a file that shares a section through one reads as the file written out.</summary>
public class YamlMergeKeyTests
{
    private const string Top = "name: m\nseed: 1\nreplications: 2\nhorizon: 20 s\nwarmup: 2 s\n";

    private const string Explicit = Top + """
        scenario:
          kind: single-site
          catalog: {name: two-resnet50-clusters}
          site: {disk: nvme-gen4, gpu: {device: rtx4090}}
          uplink: {bandwidth: 20 MHz}
          arrivals: {process: poisson, rate: 10 /s}
          deadline: 2 s
        strategies: [{name: pl-greedy, variant: overlap}, {name: pl-greedy, variant: overlap, label: twin}, fcfs]
        baseline: fcfs
        """;

    private const string Merged = Top + """
        scenario:
          kind: single-site
          catalog: {name: two-resnet50-clusters}
          site:
            <<: {disk: hdd-7200, gpu: &gpu {device: rtx4090}}
            disk: nvme-gen4
          uplink: {bandwidth: 20 MHz}
          arrivals: {process: poisson, rate: 10 /s}
          deadline: 2 s
        strategies: [&greedy {name: pl-greedy, variant: overlap}, {<<: *greedy, label: twin}, fcfs]
        baseline: fcfs
        """;

    private static ExperimentSpec Read(string text) => ExperimentReader.Read(YamlDoc.Parse(text, "e.yaml"), Path.GetTempPath());

    [Fact]
    public void A_file_sharing_values_through_merge_keys_reads_as_the_file_written_out()
    {
        var (merged, written) = (Read(Merged), Read(Explicit));
        Assert.Equal(written.Hash, merged.Hash);
        Assert.Equal(new[] { "pl-greedy(variant=overlap)", "twin", "fcfs" }, merged.Strategies.Select(s => s.Label));
    }

    [Fact]
    public void A_mapping_keeps_its_own_keys_and_the_earlier_merged_mapping_wins()
    {
        var doc = YamlDoc.Parse("a: &a {x: 1, y: 1}\nb: &b {y: 2, z: 2}\nc: {w: 0, <<: [*a, *b], x: 3}\n", "m.yaml").Mapping()["c"];
        // Merged keys stand where the << entry stood; the mapping's own keys stay where they are.
        Assert.Equal(new[] { "w", "y", "z", "x" }, doc.Keys.ToArray());
        var c = doc.Mapping();
        Assert.Equal(new[] { 0.0, 3, 1, 2 }, new[] { "w", "x", "y", "z" }.Select(k => c[k].Number()));
        // A merged value keeps its own line: an error in it points at the anchored text.
        Assert.Equal(2, c["z"].Line);
    }

    [Theory]
    [InlineData("a: {<<: 3}\n", 1, "a merge key (<<) takes a mapping, or a list of mappings")]
    [InlineData("a: [1]\nb:\n  <<: [{x: 1}, 2]\n", 3, "a merge key (<<) takes a mapping, or a list of mappings")]
    public void A_merge_of_something_other_than_mappings_is_refused_at_its_line(string text, int line, string gist)
    {
        var ex = Assert.Throws<ConfigException>(() => YamlDoc.Parse(text, "m.yaml"));
        Assert.Equal(line, ex.Line);
        Assert.Contains(gist, ex.Message);
    }

    [Fact]
    public void A_quoted_merge_key_is_an_ordinary_key()
    {
        var ex = Assert.Throws<ConfigException>(() => Read(Merged.Replace("<<: {disk", "\"<<\": {disk", StringComparison.Ordinal)));
        Assert.Contains("unknown key '<<'", ex.Message);
    }
}
