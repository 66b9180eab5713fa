namespace Simulator.Edge;

/// <summary>
/// A batch's upload when rates follow the fading (<c>uplink.requantize_on_coherence: true</c>): at the
/// start and at every coherence boundary after it, the site's allocator splits the band again among the
/// users still uploading, for the bits they have left and the channel of the new block. A user who
/// finishes inside a block leaves its share unused until the next boundary, as a real scheduler that
/// re-grants per coherence interval would.
/// </summary>
public static class RequantizedUpload
{
    /// <summary>Seconds from <paramref name="start"/> until the last user has uploaded; +infinity when some user cannot upload in a block.</summary>
    public static double Seconds(IReadOnlyList<(double Bits, Channel Channel)> users, double start, UplinkSpec spec)
    {
        double coherence = spec.CoherenceSeconds;
        if (!(coherence > 0)) throw new ArgumentException($"requantizing needs a positive coherence time, not {coherence} s.", nameof(spec));
        var left = users.Select(u => Math.Max(0, u.Bits)).ToArray();
        var active = new List<int>(users.Count);
        var demands = new List<UploadDemand>(users.Count);
        double t = start;
        // Blocks by index, so a boundary never lands back in the block it ends.
        long block = (long)Math.Floor(start / coherence);
        while (true)
        {
            active.Clear();
            for (int k = 0; k < left.Length; k++)
                if (left[k] > 0) active.Add(k);
            if (active.Count == 0) return t - start;
            double end = (block + 1) * coherence, middle = (block + 0.5) * coherence;
            block++;
            if (end <= t) continue;
            demands.Clear();
            foreach (int k in active) demands.Add(new UploadDemand(left[k], users[k].Channel.SnrHz(middle)));
            var split = spec.Allocator.Allocate(demands, spec.BandwidthHz, spec.RateModel);
            if (!split.Feasible) return double.PositiveInfinity;
            double last = t;
            bool done = true;
            for (int i = 0; i < active.Count; i++)
            {
                int k = active[i];
                double rate = Rates.BitsPerSecond(spec.RateModel, split.ShareHz[i], demands[i].SnrHz, spec.BandwidthHz);
                double finish = rate > 0 ? t + left[k] / rate : double.PositiveInfinity;
                if (finish <= end)
                {
                    left[k] = 0;
                    last = Math.Max(last, finish);
                }
                else
                {
                    left[k] -= rate * (end - t);
                    done = false;
                }
            }
            if (done) return last - start;
            t = end;
        }
    }
}
