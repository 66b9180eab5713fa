using CsCheck;
using Simulator.Edge;

namespace Simulator.Edge.Tests;

public class CatalogTests
{
    private static readonly AffineProfile Profile = new(0.002, 0.0013);

    [Theory]
    [InlineData("resnet18", 512, 11_689_512)]
    [InlineData("resnet34", 512, 21_797_672)]
    [InlineData("resnet50", 2048, 25_557_032)]
    [InlineData("resnet101", 2048, 44_549_160)]
    [InlineData("resnet152", 2048, 60_192_808)]
    [InlineData("vit-b16", 768, 86_567_656)]
    public void Built_in_backbones_with_a_1000_class_head_match_the_published_totals(string name, int features, long total)
    {
        var b = Backbone.Find(name);
        Assert.Equal(features, b.Features);
        Assert.Equal(total, b.LayerParameters + b.HeadParameters(1000));
    }

    [Fact]
    public void Llama2_7b_has_its_published_size_in_fp16()
    {
        var b = Backbone.Find("llama2-7b");
        Assert.Equal(34, b.Layers.Count); // embeddings, 32 decoder layers, norm + LM head
        Assert.Equal(6_738_415_616, b.LayerParameters); // "about 6.74 B"
        Assert.InRange(b.LayerParameters * b.BytesPerParameter, 13.47e9, 13.49e9); // 13.48 GB
    }

    [Fact]
    public void Variants_share_exactly_the_common_frozen_prefix_and_clusters_share_nothing()
    {
        var catalog = BackboneSharingGenerator.Build(new[]
        {
            new ClusterSpec("resnet50", 3, new[] { 2, 4, 1 }, 10, Profile, 1_000_000),
            new ClusterSpec("vit-b16", 2, new[] { 5 }, 100, Profile, 2_000_000),
        });
        var r = catalog.Models.Where(m => m.Family == "resnet50").ToArray();
        var v = catalog.Models.Where(m => m.Family == "vit-b16").ToArray();
        // resnet50 v0 (d=2) and v1 (d=4) share stem + stage1: (9,536 + 215,808) * 4 bytes.
        Assert.Equal((9_536 + 215_808) * 4L, catalog.SharedBytes(r[0], r[1]));
        Assert.Equal(9_536 * 4L, catalog.SharedBytes(r[1], r[2]));
        Assert.Equal(0, catalog.SharedBytes(r[0], v[0]));
        Assert.Equal((742_656 + 4 * 7_087_872) * 4L, catalog.SharedBytes(v[0], v[1]));
        // Every model holds the whole backbone plus its head: 10 classes * 2048 features + 10.
        Assert.All(r, m => Assert.Equal((25_557_032 - 2_049_000 + 20_490) * 4L, catalog.Bytes(m)));
    }

    [Fact]
    public void Shared_bytes_follow_the_shallower_frozen_depth_for_any_depths()
    {
        var gen = Gen.Select(Gen.Int[0, 5], Gen.Int[0, 5]);
        gen.Sample((d1, d2) =>
        {
            var catalog = BackboneSharingGenerator.Build(new[] { new ClusterSpec("resnet34", 2, new[] { d1, d2 }, 5, Profile, 0) });
            var layers = Backbone.Find("resnet34").Layers;
            long expected = layers.Take(Math.Min(d1, d2)).Sum(l => l.Parameters) * 4;
            return catalog.SharedBytes(catalog.Models[0], catalog.Models[1]) == expected;
        }, iter: 100);
    }

    [Fact]
    public void Bad_catalogs_are_refused_with_the_offending_ids()
    {
        var a = new Block("a", 10);
        Assert.Contains("'a' appears twice", Assert.Throws<CatalogException>(() => new Catalog(new[] { a, a }, new[] { M("m", "a") })).Message);
        Assert.Contains("unknown block 'zz'", Assert.Throws<CatalogException>(() => new Catalog(new[] { a }, new[] { M("m", "zz") })).Message);
        Assert.Contains("'m' lists no blocks", Assert.Throws<CatalogException>(() => new Catalog(new[] { a }, new[] { M("m") })).Message);
        Assert.Contains("negative size", Assert.Throws<CatalogException>(() => new Catalog(new[] { new Block("n", -1) }, new[] { M("m", "n") })).Message);
        Assert.Contains("Model id 'm' appears twice", Assert.Throws<CatalogException>(() => new Catalog(new[] { a }, new[] { M("m", "a"), M("m", "a") })).Message);
        Assert.Contains("frozen depth 6", Assert.Throws<CatalogException>(() => BackboneSharingGenerator.Build(new[] { new ClusterSpec("resnet50", 1, new[] { 6 }, 10, Profile, 0) })).Message);
        Assert.Contains("Unknown backbone 'resnet51'", Assert.Throws<CatalogException>(() => Backbone.Find("resnet51")).Message);
    }

    [Fact]
    public void Sizes_and_overlaps_are_answered_only_for_the_catalogs_own_models()
    {
        var blocks = new[] { new Block("a", 10), new Block("b", 200), new Block("c", 3_000) };
        var mine = new Catalog(blocks, new[] { M("m", "a", "b"), M("n", "b", "c") });
        var theirs = new Catalog(blocks, new[] { M("m", "c") });
        Assert.Equal(210, mine.Bytes(mine.Models[0]));
        Assert.Equal(200, mine.SharedBytes(mine.Models[0], mine.Models[1]));
        Assert.Equal(10, mine.MissingBytes(mine.Models[0], new HashSet<string> { "b", "c" }));
        Assert.Equal(3_200, mine.ResidentBytes(mine.Models[1], new HashSet<string> { "b", "c" }));
        Assert.Equal(new[] { "a" }, mine.Missing(mine.Models[0], new HashSet<string> { "b" }).Select(b => b.Id));
        // Same id, other blocks: answering from this catalog's 'm' would be silently wrong.
        Assert.Contains("'m' is not this catalog's", Assert.Throws<CatalogException>(() => mine.Bytes(theirs.Models[0])).Message);
    }

    [Fact]
    public void Table_profiles_interpolate_and_extrapolate_linearly()
    {
        // ResNet-50 on a V100, as published by Clockwork: n=1 3.3 ms, 2 5.3 ms, 4 7.5 ms, 8 12.4 ms.
        var t = new TableProfile(new[] { (1, 0.0033), (2, 0.0053), (4, 0.0075), (8, 0.0124) });
        Assert.Equal(0.0053, t.Seconds(2), 12);
        Assert.Equal(0.0064, t.Seconds(3), 12);
        Assert.Equal(0.0124 + 8 * (0.0124 - 0.0075) / 4, t.Seconds(16), 12);
        Assert.Equal(0.0112, new AffineProfile(0.0033, 0.0013).Seconds(3), 12);
        Assert.Throws<CatalogException>(() => new TableProfile(new[] { (1, 0.1), (1, 0.2) }));
    }

    private static Model M(string id, params string[] blocks) => new(id, blocks, Profile, 0);
}
