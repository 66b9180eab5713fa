namespace Simulator.Edge;

/// <summary>The split of the uplink among a batch's users and the time until all have uploaded.</summary>
/// <param name="ShareHz">Each user's bandwidth, in the order of the demands.</param>
/// <param name="UploadSeconds">When the last user finishes (+infinity when some user cannot upload at all).</param>
public sealed record BandwidthAllocation(double[] ShareHz, double UploadSeconds)
{
    public bool Feasible => !double.IsInfinity(UploadSeconds);
}

/// <summary>Splits the bandwidth among the users of a batch that upload together.</summary>
public interface IBandwidthAllocator
{
    BandwidthAllocation Allocate(IReadOnlyList<UploadDemand> users, double bandwidthHz, RateModel model);
}

/// <summary>The allocators by the names files and strategy parameters use.</summary>
public static class Allocators
{
    /// <summary>A new allocator for the name; null when the name is none of <see cref="Names"/>.</summary>
    public static IBandwidthAllocator? Named(string name) => name switch
    {
        "optimal" => new OptimalAllocator(),
        "equal" => new EqualAllocator(),
        _ => null,
    };

    public static IReadOnlyList<string> Names { get; } = new[] { "optimal", "equal" };
}

/// <summary>b_k = B / |S|; the batch waits for the slowest user.</summary>
public sealed class EqualAllocator : IBandwidthAllocator
{
    public BandwidthAllocation Allocate(IReadOnlyList<UploadDemand> users, double bandwidthHz, RateModel model)
    {
        var share = new double[users.Count];
        double slowest = 0, each = bandwidthHz / Math.Max(1, users.Count);
        for (int k = 0; k < users.Count; k++)
        {
            share[k] = each;
            slowest = Math.Max(slowest, UploadTime(users[k], Rates.BitsPerSecond(model, each, users[k].SnrHz, bandwidthHz)));
        }
        return new BandwidthAllocation(share, slowest);
    }

    internal static double UploadTime(UploadDemand user, double rate) =>
        user.Bits <= 0 ? 0 : rate > 0 ? user.Bits / rate : double.PositiveInfinity;
}

/// <summary>
/// The split that minimises the batch's upload time: every user finishes together. Under fixed-psd it
/// is the closed form of the paper's Proposition 1, b_k = B (D_k / eta_k) / sum_j (D_j / eta_j) with
/// t = sum_k D_k / (B eta_k). Under fixed-power there is none: t is found by bisection so that the
/// smallest shares b_k(t) that deliver D_k by t add up to B.
/// </summary>
public sealed class OptimalAllocator : IBandwidthAllocator
{
    /// <summary>Relative tolerance of the fixed-power bisection on the upload time.</summary>
    public const double Tolerance = 1e-12;

    public BandwidthAllocation Allocate(IReadOnlyList<UploadDemand> users, double bandwidthHz, RateModel model)
    {
        if (!(bandwidthHz > 0)) throw new ArgumentOutOfRangeException(nameof(bandwidthHz), bandwidthHz, "The uplink needs a positive bandwidth.");
        var share = new double[users.Count];
        if (users.All(u => u.Bits <= 0)) return new BandwidthAllocation(share, 0);
        if (users.Any(u => u.Bits > 0 && !(u.SnrHz > 0))) return new BandwidthAllocation(share, double.PositiveInfinity);
        return model == RateModel.FixedPsd ? ClosedForm(users, bandwidthHz, share) : Bisection(users, bandwidthHz, share);
    }

    private static BandwidthAllocation ClosedForm(IReadOnlyList<UploadDemand> users, double bandwidthHz, double[] share)
    {
        double sum = 0;
        for (int k = 0; k < users.Count; k++) sum += users[k].Bits / Math.Log2(1 + users[k].SnrHz / bandwidthHz);
        for (int k = 0; k < users.Count; k++) share[k] = bandwidthHz * (users[k].Bits / Math.Log2(1 + users[k].SnrHz / bandwidthHz)) / sum;
        return new BandwidthAllocation(share, sum / bandwidthHz);
    }

    /// <summary>
    /// The upload time of the optimal fixed-psd split without the shares, allocation-free, for the
    /// innermost loops of planners and admission control. It adds the same terms in the same order as
    /// <see cref="Allocate"/>, so the two agree to the last bit.
    /// </summary>
    public static double ClosedFormSeconds(ReadOnlySpan<UploadDemand> users, double bandwidthHz)
    {
        bool anyBits = false;
        foreach (var u in users)
        {
            if (u.Bits <= 0) continue;
            if (!(u.SnrHz > 0)) return double.PositiveInfinity;
            anyBits = true;
        }
        if (!anyBits) return 0;
        double sum = 0;
        foreach (var u in users) sum += u.Bits / Math.Log2(1 + u.SnrHz / bandwidthHz);
        return sum / bandwidthHz;
    }

    /// <summary>Whether <see cref="ClosedFormSeconds"/> gives the upload time of <paramref name="uplink"/>'s allocator.</summary>
    public static bool IsClosedForm(UplinkSpec uplink) =>
        uplink.Allocator is OptimalAllocator && uplink.RateModel == RateModel.FixedPsd && uplink.BandwidthHz > 0;

    private static BandwidthAllocation Bisection(IReadOnlyList<UploadDemand> users, double bandwidthHz, double[] share)
    {
        // Below max_k D_k ln2 / c_k no bandwidth suffices; with equal shares the sum is at most B.
        double lo = users.Max(u => u.Bits * Math.Log(2) / u.SnrHz);
        double hi = new EqualAllocator().Allocate(users, bandwidthHz, RateModel.FixedPower).UploadSeconds;
        for (int i = 0; i < 200 && hi - lo > Tolerance * hi; i++)
        {
            double mid = 0.5 * (lo + hi);
            if (BandwidthNeeded(users, mid) <= bandwidthHz) hi = mid;
            else lo = mid;
        }
        for (int k = 0; k < users.Count; k++) share[k] = MinimumShare(users[k], hi);
        return new BandwidthAllocation(share, hi);
    }

    /// <summary>Total bandwidth for every user to deliver its bits within <paramref name="seconds"/> under fixed power; +infinity when impossible.</summary>
    public static double BandwidthNeeded(IReadOnlyList<UploadDemand> users, double seconds)
    {
        double total = 0;
        foreach (var u in users) total += MinimumShare(u, seconds);
        return total;
    }

    /// <summary>The smallest b with b log2(1 + c / b) * t >= D; +infinity when D / t >= c / ln 2, the rate's supremum.</summary>
    public static double MinimumShare(UploadDemand user, double seconds)
    {
        if (user.Bits <= 0) return 0;
        double need = user.Bits / seconds;
        if (need >= user.SnrHz / Math.Log(2)) return double.PositiveInfinity;
        double lo = 0, hi = need; // b log2(1 + c/b) < need at b -> 0; double until enough
        while (Rates.BitsPerSecond(RateModel.FixedPower, hi, user.SnrHz, 0) < need) hi *= 2;
        for (int i = 0; i < 200 && hi - lo > Tolerance * hi; i++)
        {
            double mid = 0.5 * (lo + hi);
            if (Rates.BitsPerSecond(RateModel.FixedPower, mid, user.SnrHz, 0) >= need) hi = mid;
            else lo = mid;
        }
        return hi;
    }
}
