using Simulator.Edge;
using Simulator.Experiments;

namespace Simulator.Experiments.Tests;

public class CatalogYamlTests
{
    [Fact]
    public void A_generated_catalog_survives_write_then_read()
    {
        var catalog = BackboneSharingGenerator.Build(new[]
        {
            new ClusterSpec("resnet50", 3, new[] { 1, 3 }, 10, new TableProfile(new[] { (1, 0.0033), (2, 0.0053), (4, 0.0075), (8, 0.0124) }), 20_000_000),
            new ClusterSpec("vit-b16", 2, new[] { 6 }, 100, new AffineProfile(0.0041, 0.0017), 30_000_000),
        });
        var back = CatalogYaml.Read(YamlDoc.Parse(CatalogYaml.Write(catalog), "c.yaml"));
        Assert.Equal(catalog.Blocks, back.Blocks);
        Assert.Equal(catalog.Models.Count, back.Models.Count);
        foreach (var (a, b) in catalog.Models.Zip(back.Models))
        {
            Assert.Equal(a.Id, b.Id);
            Assert.Equal(a.BlockIds, b.BlockIds);
            Assert.Equal(a.ActivationBytesPerSample, b.ActivationBytesPerSample);
            Assert.Equal((a.Family, a.Cluster), (b.Family, b.Cluster));
            Assert.Equal(Enumerable.Range(1, 10).Select(a.Profile.Seconds), Enumerable.Range(1, 10).Select(b.Profile.Seconds));
        }
    }

    [Fact]
    public void Units_are_read_in_a_hand_written_catalog()
    {
        var c = Read("""
            blocks:
              - {id: s, bytes: 100 MB, kind: backbone-layer}
              - {id: h, bytes: 2 KiB, kind: head}
            models:
              - id: m
                blocks: [s, h]
                profile: {alpha: 2 ms, beta: 1.5 ms}
                activation: 20 MB
                accuracy: 0.76
            """);
        Assert.Equal(100_002_048, c.Bytes(c.Model("m")));
        Assert.Equal(0.0055, c.Model("m").Profile.Seconds(2), 12);
        Assert.Equal(BlockKind.Head, c.Block("h").Kind);
        Assert.Equal(0.76, c.Model("m").Accuracy);
    }

    [Theory]
    [InlineData("blocks:\n  - {id: s, bytes: 1}\nmodels:\n  - id: m\n    blokcs: [s]\n", "c.yaml:5: models[0].blokcs: unknown key 'blokcs'. Did you mean 'blocks'?")]
    [InlineData("blocks:\n  - {id: s, bytes: 3 ms}\nmodels: []\n", "c.yaml:2: blocks[0].bytes: '3 ms' has unit 'ms', which is not a size")]
    [InlineData("blocks:\n  - {id: s, bytes: 1}\n  - {id: s, bytes: 2}\nmodels: []\n", "c.yaml:3: blocks[1]: block id 's' appears twice (first at line 2)")]
    [InlineData("blocks:\n  - {id: stem, bytes: 1}\nmodels:\n  - id: m\n    blocks: [stme]\n    profile: {alpha: 1, beta: 0}\n", "c.yaml:5: models[0].blocks[0]: model 'm' lists unknown block 'stme'. Did you mean 'stem'?")]
    [InlineData("blocks:\n  - {id: s, bytes: 1}\nmodels:\n  - id: m\n    blocks: [s]\n", "c.yaml:4: models[0]: missing 'profile'")]
    [InlineData("blocks: [\n", "c.yaml:2: not valid YAML")]
    public void Mistakes_are_reported_with_file_line_and_path(string yaml, string message)
    {
        var ex = Assert.Throws<ConfigException>(() => Read(yaml));
        Assert.StartsWith(message, ex.Message);
    }

    private static Catalog Read(string yaml) => CatalogYaml.Read(YamlDoc.Parse(yaml, "c.yaml"));
}
