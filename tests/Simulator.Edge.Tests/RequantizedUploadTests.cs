using CsCheck;
using Simulator.Edge;

namespace Simulator.Edge.Tests;

/// <summary><c>uplink.requantize_on_coherence</c>: the band is split again at every coherence boundary.</summary>
public class RequantizedUploadTests
{
    private static readonly Gen<(double Bits, double Distance)[]> Users = Gen.Select(Gen.Double[50e3 * 8, 600e3 * 8], Gen.Double[10, 250]).Array[1, 8];

    private static (double, Channel)[] Channels(UplinkSpec spec, (double Bits, double Distance)[] users, ulong seed) =>
        users.Select((u, k) => (u.Bits, new Channel(spec, u.Distance, 0, seed + (ulong)k))).ToArray();

    [Fact]
    public void Without_fading_the_re_split_optimum_finishes_when_the_quasi_static_one_does()
    {
        // All users finish together in every block's optimum, so re-splitting the rest changes nothing.
        Gen.Select(Users, Gen.Bool, Gen.ULong).Sample((users, fixedPower, seed) =>
        {
            var spec = new UplinkSpec { Fading = FadingKind.None, ShadowingSigmaDb = 0, RateModel = fixedPower ? RateModel.FixedPower : RateModel.FixedPsd };
            var channels = Channels(spec, users, seed);
            double quasiStatic = spec.Allocator.Allocate(channels.Select(c => new UploadDemand(c.Item1, c.Item2.SnrHz(0))).ToArray(), spec.BandwidthHz, spec.RateModel).UploadSeconds;
            double requantized = RequantizedUpload.Seconds(channels, 0.0037, spec);
            return Math.Abs(requantized - quasiStatic) <= 1e-9 * quasiStatic;
        }, iter: 200);
    }

    [Fact]
    public void Without_fading_an_equal_split_re_split_lies_between_the_optimum_and_the_static_equal_split()
    {
        // Fixed-psd: any schedule needs sum_k D_k / eta_k Hz*s of band, so the optimum is a lower bound; re-splitting
        // among those still uploading can only help the static equal split.
        Gen.Select(Users, Gen.ULong).Sample((users, seed) =>
        {
            var spec = new UplinkSpec { Fading = FadingKind.None, ShadowingSigmaDb = 0, Allocator = new EqualAllocator() };
            var channels = Channels(spec, users, seed);
            var demands = channels.Select(c => new UploadDemand(c.Item1, c.Item2.SnrHz(0))).ToArray();
            double optimum = new OptimalAllocator().Allocate(demands, spec.BandwidthHz, spec.RateModel).UploadSeconds;
            double staticEqual = new EqualAllocator().Allocate(demands, spec.BandwidthHz, spec.RateModel).UploadSeconds;
            double requantized = RequantizedUpload.Seconds(channels, 0, spec);
            return requantized >= optimum * (1 - 1e-12) && requantized <= staticEqual * (1 + 1e-12);
        }, iter: 200);
    }

    [Fact]
    public void One_user_under_rayleigh_fading_sends_each_block_at_that_blocks_rate()
    {
        var spec = new UplinkSpec { ShadowingSigmaDb = 0, CoherenceSeconds = 0.004 };
        for (ulong seed = 0; seed < 50; seed++)
        {
            var channel = new Channel(spec, 180, 0, seed);
            const double bits = 400e3 * 8, start = 0.0123;
            // Independently: walk the blocks with the whole band at each block's own spectral efficiency.
            double t = start, left = bits;
            for (long block = 3; ; block++)
            {
                double end = (block + 1) * spec.CoherenceSeconds;
                double rate = spec.BandwidthHz * channel.SpectralEfficiency((block + 0.5) * spec.CoherenceSeconds);
                if (t + left / rate <= end) { t += left / rate; break; }
                left -= rate * (end - t);
                t = end;
            }
            Assert.Equal(t - start, RequantizedUpload.Seconds(new[] { (bits, channel) }, start, spec), 12);
        }
    }

    [Fact]
    public void A_coherence_longer_than_the_upload_changes_nothing()
    {
        var spec = new UplinkSpec { CoherenceSeconds = 60 };
        var channels = new[] { (3e6, new Channel(spec, 40, 2, 1)), (1e6, new Channel(spec, 200, -3, 2)) };
        double quasiStatic = spec.Allocator.Allocate(channels.Select(c => new UploadDemand(c.Item1, c.Item2.SnrHz(1))).ToArray(), spec.BandwidthHz, spec.RateModel).UploadSeconds;
        Assert.Equal(quasiStatic, RequantizedUpload.Seconds(channels, 1, spec), 12);
    }
}
