using Simulator.Edge;

namespace Simulator.Edge.Tests;

public class GeneratorTests
{
    private static readonly AffineProfile Profile = new(0.01, 0.02);

    [Fact]
    public void Lora_adapter_sizes_match_the_published_8_MB_and_80_MB()
    {
        // Rank 8 on q and v: 2 * 8 * (4096 + 4096) per layer, 32 layers, fp16.
        Assert.Equal(8_388_608, LoraGenerator.AdapterParameters(8, LoraTargets.QV) * 2);
        // Rank 16 on every linear layer: 4 * 16 * 8192 + 3 * 16 * (4096 + 11008) per layer.
        Assert.Equal(79_953_920, LoraGenerator.AdapterParameters(16, LoraTargets.AllLinear) * 2);
    }

    [Fact]
    public void Lora_variants_share_the_whole_base_and_own_one_adapter()
    {
        var catalog = LoraGenerator.Build(new[] { (8, LoraTargets.QV), (16, LoraTargets.AllLinear), (8, LoraTargets.QV) }, Profile, 1_000_000);
        var m = catalog.Models;
        long baseBytes = 6_738_415_616L * 2;
        Assert.Equal(baseBytes, catalog.SharedBytes(m[0], m[1]));
        Assert.Equal(baseBytes + 8_388_608, catalog.Bytes(m[0]));
        Assert.Equal(BlockKind.Adapter, catalog.Block(m[1].BlockIds[^1]).Kind);
        Assert.All(m, x => Assert.Equal("llama2-7b", x.Base));
    }

    [Fact]
    public void General_sharing_shares_at_arbitrary_positions_at_about_the_asked_rate()
    {
        var spec = new GeneralSharingSpec(Models: 200, BlocksPerModel: 10, PoolSize: 40, ShareProbability: 0.3, MinBlockBytes: 1_000, MaxBlockBytes: 2_000, Profile, 0);
        var catalog = GeneralSharingGenerator.Build(spec, new Random(8));
        Assert.All(catalog.Models, m => Assert.Equal(10, m.BlockIds.Distinct().Count()));
        int slots = catalog.Models.Sum(m => m.BlockIds.Count);
        int shared = catalog.Models.Sum(m => m.BlockIds.Count(id => id.StartsWith("pool", StringComparison.Ordinal)));
        double p = 0.3, half = 3.29 * Math.Sqrt(p * (1 - p) / slots);
        Assert.InRange(shared / (double)slots, p - half, p + half);
        // Shared blocks stand at every position of some model, not only in a prefix.
        Assert.All(Enumerable.Range(0, 10), pos => Assert.Contains(catalog.Models, m => m.BlockIds[pos].StartsWith("pool", StringComparison.Ordinal)));
        Assert.All(catalog.Blocks, b => Assert.InRange(b.Bytes, 1_000, 2_000));
        Assert.All(catalog.Blocks.Where(b => b.Id.StartsWith("pool", StringComparison.Ordinal)), b => Assert.True(catalog.UsersOf(b.Id) >= 1));
    }

    [Fact]
    public void General_sharing_is_reproducible_for_a_stream_and_validates_its_spec()
    {
        var spec = new GeneralSharingSpec(20, 5, 12, 0.5, 10, 100, Profile, 0);
        var a = GeneralSharingGenerator.Build(spec, new Random(3));
        var b = GeneralSharingGenerator.Build(spec, new Random(3));
        Assert.Equal(a.Blocks, b.Blocks);
        Assert.Equal(a.Models.Select(m => string.Join(",", m.BlockIds)), b.Models.Select(m => string.Join(",", m.BlockIds)));
        Assert.Contains("cannot fill 5", Assert.Throws<CatalogException>(() => GeneralSharingGenerator.Build(spec with { PoolSize = 3 }, new Random(1))).Message);
    }
}
