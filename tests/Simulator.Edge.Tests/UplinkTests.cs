using CsCheck;
using Simulator.Edge;

namespace Simulator.Edge.Tests;

public class UplinkTests
{
    [Fact]
    public void Uma_path_loss_matches_the_formula_at_100_m_and_1_km()
    {
        var pl = new Uma3gppPathLoss();
        Assert.Equal(90.5, pl.Db(100), 10);   // 128.1 + 37.6 * log10(0.1)
        Assert.Equal(128.1, pl.Db(1000), 10);
        Assert.Equal(20 * Math.Log10(4 * Math.PI * 100 * 3.5e9 / 299_792_458.0), new FreeSpacePathLoss(3.5e9).Db(100), 10);
        Assert.Equal(40 + 30, new LogDistancePathLoss(40, 3).Db(10), 10);
        Assert.Equal(40 + 30, new LogDistancePathLoss(40, 3, ReferenceMetres: 10).Db(100), 10);
    }

    [Fact]
    public void Rayleigh_power_gain_has_mean_one_within_its_99_percent_interval()
    {
        var fading = new Fading(FadingKind.Rayleigh, 0.01, userKey: 77);
        var draws = Enumerable.Range(0, 40_000).Select(b => fading.PowerGain(b * 0.01 + 0.005)).ToArray();
        double mean = draws.Average();
        double sd = Math.Sqrt(draws.Sum(x => (x - mean) * (x - mean)) / (draws.Length - 1));
        Assert.InRange(1.0, mean - 2.576 * sd / Math.Sqrt(draws.Length), mean + 2.576 * sd / Math.Sqrt(draws.Length));
        Assert.InRange(sd, 0.97, 1.03); // Exp(1) has standard deviation 1
    }

    [Fact]
    public void Rician_power_gain_has_mean_one_and_its_K_factors_second_moment()
    {
        var fading = new Fading(FadingKind.Rician, 0.01, userKey: 5, riceK: 4);
        var draws = Enumerable.Range(0, 40_000).Select(b => fading.PowerGain(b * 0.01)).ToArray();
        Assert.InRange(draws.Average(), 0.98, 1.02);
        // The mean holds whichever way the power splits between the line of sight and the scatter; the second moment
        // is the K factor's: E|h|^4 = (2 + 4K + K^2) / (K + 1)^2 = 1.36 at K = 4 (1.96 with the two parts swapped).
        Assert.InRange(draws.Average(x => x * x), 1.36 - 0.04, 1.36 + 0.04);
    }

    [Fact]
    public void Fading_is_constant_within_a_coherence_block_and_independent_of_query_order()
    {
        var a = new Fading(FadingKind.Rayleigh, 0.01, 9);
        var b = new Fading(FadingKind.Rayleigh, 0.01, 9);
        Assert.Equal(a.PowerGain(0.0301), a.PowerGain(0.0399));
        double late = b.PowerGain(5.0);
        Assert.Equal(a.PowerGain(0.001), b.PowerGain(0.001));
        Assert.Equal(late, a.PowerGain(5.0));
        Assert.NotEqual(a.PowerGain(0.001), a.PowerGain(0.011));
    }

    [Fact]
    public void Gauss_Markov_blocks_are_correlated_by_rho_and_keep_mean_power_one()
    {
        double rho = Fading.GaussMarkovRho(speedMetresPerSecond: 1.0, carrierHz: 3.5e9, coherenceSeconds: 0.01);
        Assert.Equal(Fading.BesselJ0(2 * Math.PI * 3.5e9 / 299_792_458.0 * 0.01), rho, 15);
        Assert.Equal(0.7651976865579666, Fading.BesselJ0(1.0), 9); // tabulated J0(1)
        var f = new Fading(FadingKind.Rayleigh, 0.01, 3, gaussMarkovRho: 0.9);
        var g = Enumerable.Range(0, 20_000).Select(b => f.PowerGain(b * 0.01)).ToArray();
        double m = g.Average();
        // The innovation's weight sqrt(1 - rho^2) keeps each block CN(0, 1): the mean power stays 1 however long the chain.
        Assert.InRange(m, 0.9, 1.1);
        double lag1 = Enumerable.Range(0, g.Length - 1).Sum(i => (g[i] - m) * (g[i + 1] - m)) / g.Sum(x => (x - m) * (x - m));
        Assert.InRange(lag1, 0.81 - 0.05, 0.81 + 0.05); // |h|^2 correlation is rho^2 for complex Gaussian h
    }

    [Fact]
    public void Optimal_fixed_psd_split_finishes_everyone_together_and_uses_all_bandwidth()
    {
        var users = new[] { new UploadDemand(4e6, 1e9), new UploadDemand(1e6, 1e7), new UploadDemand(2e6, 5e8) };
        const double b = 20e6;
        var a = new OptimalAllocator().Allocate(users, b, RateModel.FixedPsd);
        Assert.Equal(b, a.ShareHz.Sum(), 6);
        for (int k = 0; k < users.Length; k++)
            Assert.Equal(a.UploadSeconds, users[k].Bits / Rates.BitsPerSecond(RateModel.FixedPsd, a.ShareHz[k], users[k].SnrHz, b), 9);
        double closed = users.Sum(u => u.Bits / (b * Math.Log2(1 + u.SnrHz / b)));
        Assert.Equal(closed, a.UploadSeconds, 12);
    }

    [Fact]
    public void No_other_split_beats_the_optimal_one()
    {
        var gen = Gen.Select(Gen.Double[1e5, 5e6].Array[1, 6], Gen.Double[1e6, 1e10].Array[6], Gen.Double[0.01, 1].Array[6], Gen.Bool);
        gen.Sample((bits, snr, weights, fixedPower) =>
        {
            var model = fixedPower ? RateModel.FixedPower : RateModel.FixedPsd;
            const double b = 10e6;
            var users = bits.Select((d, k) => new UploadDemand(d, snr[k])).ToArray();
            double best = new OptimalAllocator().Allocate(users, b, model).UploadSeconds;
            double w = weights.Take(users.Length).Sum();
            double other = users.Select((u, k) => u.Bits / Rates.BitsPerSecond(model, b * weights[k] / w, u.SnrHz, b)).Max();
            return other >= best * (1 - 1e-9);
        }, iter: 300);
    }

    [Fact]
    public void Fixed_power_bisection_delivers_each_demand_and_sums_to_B()
    {
        var users = new[] { new UploadDemand(3e6, 2e9), new UploadDemand(5e5, 3e7), new UploadDemand(1e6, 4e8) };
        const double b = 5e6;
        var a = new OptimalAllocator().Allocate(users, b, RateModel.FixedPower);
        Assert.True(a.Feasible);
        Assert.Equal(b, a.ShareHz.Sum(), 3); // within 1e-3 Hz of 5 MHz
        for (int k = 0; k < users.Length; k++)
        {
            double delivered = Rates.BitsPerSecond(RateModel.FixedPower, a.ShareHz[k], users[k].SnrHz, b) * a.UploadSeconds;
            Assert.InRange(delivered, users[k].Bits, users[k].Bits * (1 + 1e-9));
        }
    }

    [Fact]
    public void Infeasible_uploads_are_reported()
    {
        var dead = new[] { new UploadDemand(1e6, 0), new UploadDemand(1e6, 1e8) };
        Assert.False(new OptimalAllocator().Allocate(dead, 1e6, RateModel.FixedPsd).Feasible);
        Assert.False(new EqualAllocator().Allocate(dead, 1e6, RateModel.FixedPower).Feasible);
        // Under fixed power no bandwidth delivers faster than D ln2 / c.
        Assert.Equal(double.PositiveInfinity, OptimalAllocator.MinimumShare(new UploadDemand(1e6, 1e6), 0.5));
        Assert.True(double.IsFinite(OptimalAllocator.MinimumShare(new UploadDemand(1e6, 1e6), 0.8)));
    }

    [Fact]
    public void Equal_split_waits_for_the_slowest_user()
    {
        var users = new[] { new UploadDemand(1e6, 1e9), new UploadDemand(1e6, 1e7) };
        var a = new EqualAllocator().Allocate(users, 2e6, RateModel.FixedPsd);
        Assert.Equal(new[] { 1e6, 1e6 }, a.ShareHz);
        Assert.Equal(1e6 / (1e6 * Math.Log2(1 + 1e7 / 2e6)), a.UploadSeconds, 12);
    }

    [Fact]
    public void A_lone_user_gets_the_whole_band_and_one_with_nothing_to_send_takes_no_time()
    {
        var lone = new EqualAllocator().Allocate(new[] { new UploadDemand(1e6, 1e7) }, 2e6, RateModel.FixedPsd);
        Assert.Equal(new[] { 2e6 }, lone.ShareHz);
        Assert.Equal(1e6 / (2e6 * Math.Log2(1 + 1e7 / 2e6)), lone.UploadSeconds, 12);
        // A user with nothing to send waits for nothing, even on a channel that carries nothing.
        var idle = new EqualAllocator().Allocate(new[] { new UploadDemand(0, 0), new UploadDemand(1e6, 1e7) }, 2e6, RateModel.FixedPower);
        Assert.Equal(1e6 / (1e6 * Math.Log2(1 + 1e7 / 1e6)), idle.UploadSeconds, 12);
    }
}

public class PlacementTests
{
    [Fact]
    public void Annulus_placement_is_uniform_over_the_area()
    {
        var rng = new Random(6);
        var d = Enumerable.Range(0, 100_000).Select(_ => new AnnulusPlacement(10, 250).DrawDistance(rng)).ToArray();
        Assert.All(d, x => Assert.InRange(x, 10, 250));
        // P(d <= r) = (r^2 - 10^2) / (250^2 - 10^2); at r = 130: 16800 / 62400.
        double p = d.Count(x => x <= 130) / (double)d.Length;
        Assert.InRange(p, 16_800.0 / 62_400 - 0.005, 16_800.0 / 62_400 + 0.005);
    }

    [Fact]
    public void Grid_placement_uses_grid_points_inside_the_annulus()
    {
        var grid = new GridPlacement(100, 10, 150);
        // Points (±100, 0), (0, ±100) at 100 m and (±100, ±100) at 141.42 m.
        Assert.Equal(8, grid.Distances.Count);
        Assert.Equal(4, grid.Distances.Count(x => x == 100));
        Assert.Equal(4, grid.Distances.Count(x => Math.Abs(x - Math.Sqrt(2) * 100) < 1e-9));
        // The annulus includes its rims: at 100 m spacing from 100 m to 200 m, the points at 100 m and at 200 m.
        var rims = new GridPlacement(100, 100, 200);
        Assert.Equal(new[] { 100.0, 141.4, 200.0 }, rims.Distances.Select(d => Math.Round(d, 1)).Distinct().Order());
        Assert.Equal(12, rims.Distances.Count);
    }

    [Fact]
    public void Csv_placement_reads_coordinates_and_names_bad_lines()
    {
        var csv = new CsvPlacement("u.csv", new[] { "x,y", "30,40", "-6,8" });
        Assert.Equal(new[] { 50.0, 10.0 }, csv.Distances);
        Assert.Equal(new[] { 50.0 }, new CsvPlacement("u.csv", new[] { "\"Y\",\"X\"", "40,30" }).Distances);
        Assert.StartsWith("u.csv:3: x 'a' is not a number", Assert.Throws<FormatException>(() => new CsvPlacement("u.csv", new[] { "x,y", "1,2", "a,b" })).Message);
        Assert.StartsWith("u.csv:3: expected 2 fields (x, y)", Assert.Throws<FormatException>(() => new CsvPlacement("u.csv", new[] { "x,y", "1,2", "3" })).Message);
        Assert.StartsWith("u.csv:1: 'z' is not a column a placement file has: it has x, y.", Assert.Throws<FormatException>(() => new CsvPlacement("u.csv", new[] { "x,y,z", "1,2,3" })).Message);
        Assert.StartsWith("u.csv:2: the file has a header but no coordinates", Assert.Throws<FormatException>(() => new CsvPlacement("u.csv", new[] { "x,y", "" })).Message);
        Assert.StartsWith("u.csv:2: (1e308, 1e308) m is too far from the base station: its distance overflows.", Assert.Throws<FormatException>(() => new CsvPlacement("u.csv", new[] { "x,y", "1e308,1e308" })).Message);
        Assert.StartsWith("u.csv:2: a user cannot stand", Assert.Throws<FormatException>(() => new CsvPlacement("u.csv", new[] { "x,y", "0,0" })).Message);
    }
}
