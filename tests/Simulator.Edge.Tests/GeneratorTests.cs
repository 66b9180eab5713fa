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
        EveryBlockHasAUser(catalog);
        // Also with a pool far larger than the slots drawn from it: the blocks no model drew are left out.
        var sparse = GeneralSharingGenerator.Build(spec with { Models = 3, PoolSize = 1_000 }, new Random(8));
        Assert.True(sparse.Blocks.Count < 100, $"{sparse.Blocks.Count} blocks for 3 models of 10");
        EveryBlockHasAUser(sparse);
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

    [Fact]
    public void Pfm_models_draw_their_family_and_split_two_thirds_of_a_size_into_a_shared_base()
    {
        // 3,000 models over 3 families: each family's share and the share of neighbours in one family are about 1/3.
        var catalog = PfmGenerator.Build(new PfmSpec(3_000, 3, BaseBlocks: 4), Profile, 0, new Random(5));
        var family = catalog.Models.Select(m => m.Family!).ToArray();
        double half = 3.29 * Math.Sqrt(1.0 / 3 * 2 / 3 / family.Length);
        Assert.All(family.GroupBy(f => f), g => Assert.InRange(g.Count() / (double)family.Length, 1.0 / 3 - half, 1.0 / 3 + half));
        double neighbours = Enumerable.Range(0, family.Length - 1).Count(k => family[k] == family[k + 1]) / (double)(family.Length - 1);
        Assert.InRange(neighbours, 1.0 / 3 - half, 1.0 / 3 + half);
        foreach (var m in catalog.Models)
        {
            // Four base blocks of one size, then the model's task part: a base of (2/3) U(5, 20) GB and a task of (1/3) U(5, 20) GB.
            var blocks = m.BlockIds.Select(catalog.Block).ToArray();
            Assert.Equal(5, blocks.Length);
            Assert.All(blocks[..4], b => Assert.Equal(BlockKind.Base, b.Kind));
            Assert.Single(blocks[..4].Select(b => b.Bytes).Distinct());
            Assert.InRange(blocks[..4].Sum(b => b.Bytes), 2.0 / 3 * 5e9 - 2, 2.0 / 3 * 20e9 + 2);
            Assert.Equal(BlockKind.TaskPart, blocks[4].Kind);
            Assert.InRange(blocks[4].Bytes, 1.0 / 3 * 5e9 - 1, 1.0 / 3 * 20e9 + 1);
        }
        // Siblings share their whole base; models of different families share nothing.
        var (first, last) = (catalog.Models.First(m => m.Family == "f0"), catalog.Models.Last(m => m.Family == "f0"));
        Assert.Equal(catalog.Bytes(first) - catalog.Block(first.BlockIds[^1]).Bytes, catalog.SharedBytes(first, last));
        Assert.Equal(0, catalog.SharedBytes(first, catalog.Models.First(m => m.Family == "f1")));
        // A family no model drew leaves no base behind: 40 models drawing from 40 families miss some of them.
        var few = PfmGenerator.Build(new PfmSpec(40, 40), Profile, 0, new Random(1));
        Assert.True(few.Models.Select(m => m.Family).Distinct().Count() < 40, "every one of 40 families was drawn by 40 models");
        EveryBlockHasAUser(few);
    }

    /// <summary>A generated catalog keeps only blocks some model lists.</summary>
    private static void EveryBlockHasAUser(Catalog catalog) => Assert.All(catalog.Blocks, b => Assert.True(catalog.UsersOf(b.Id) >= 1, $"block {b.Id} has no model"));
}
