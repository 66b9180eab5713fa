using Simulator.Edge.Network;

namespace Simulator.Edge.Tests.Network;

/// <summary>What a network world draws beside its links: the initial placement of the models, and the requests' accuracies.</summary>
public class NetworkWorldTests
{
    private static readonly AffineProfile Profile = new(0.01, 0.01);

    /// <summary><paramref name="count"/> models that share nothing (one block each), so a cloudlet holds a model only where it was placed.</summary>
    private static Catalog Unshared(int count, Func<int, double?>? accuracy = null) =>
        new(Enumerable.Range(0, count).Select(k => new Block($"b{k}", 1_000_000_000)),
            Enumerable.Range(0, count).Select(k => new Model($"m{k}", new[] { $"b{k}" }, Profile, 0, Accuracy: accuracy?.Invoke(k))));

    /// <summary>How many models the draw placed at each number of distinct cloudlets.</summary>
    private static int[] Copies(NetworkWorldSpec spec, Catalog catalog)
    {
        var instance = NetworkWorld.Draw(spec, catalog, 1, new RandomStreams(17));
        var counts = new int[spec.Cloudlets + 1];
        foreach (var model in catalog.Models)
            counts[Enumerable.Range(0, spec.Cloudlets).Count(l => instance.Holdings[l].Contains(model.BlockIds[0]))]++;
        return counts;
    }

    [Theory]
    [InlineData(10, 10)]   // as many copies as cloudlets: all ten must be distinct
    [InlineData(100, null)] // the authors' floor(m / 20): 1 to 5 copies
    public void Each_model_starts_at_a_uniform_number_of_distinct_cloudlets_up_to_the_most_copies(int cloudlets, int? maxCopies)
    {
        const int models = 3_000;
        int most = maxCopies ?? cloudlets / 20;
        var counts = Copies(new NetworkWorldSpec { Cloudlets = cloudlets, MaxCopies = maxCopies }, Unshared(models));
        Assert.Equal(0, counts[0]);
        Assert.All(counts.Skip(most + 1), c => Assert.Equal(0, c));
        double p = 1.0 / most, half = 3.29 * Math.Sqrt(p * (1 - p) / models);
        for (int c = 1; c <= most; c++) Assert.InRange(counts[c] / (double)models, p - half, p + half);
    }

    [Fact]
    public void A_catalogs_fixed_accuracy_is_every_requests_and_the_others_are_drawn_per_request()
    {
        var catalog = Unshared(2, k => k == 0 ? 0.77 : null);
        var instance = NetworkWorld.Draw(new NetworkWorldSpec { Cloudlets = 4 }, catalog, 300, new RandomStreams(3));
        Assert.All(instance.Requests, r => Assert.Equal(0.77, r.Accuracy[0]));
        Assert.All(instance.Requests, r => Assert.InRange(r.Accuracy[1], 0.4, 1));
        Assert.Equal(300, instance.Requests.Select(r => r.Accuracy[1]).Distinct().Count());
    }
}
