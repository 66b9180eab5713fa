namespace Simulator.Edge;

/// <summary>
/// The one upload time of users uploading together, which the site, its admission control, the view planners
/// read and the static problem all take: the site's allocator's split, through the optimal fixed-psd split's
/// closed form where that applies (the same number, to the last bit, without building the shares).
/// </summary>
public static class UploadTime
{
    public static double Seconds(UplinkSpec uplink, ReadOnlySpan<UploadDemand> users) =>
        OptimalAllocator.IsClosedForm(uplink)
            ? OptimalAllocator.ClosedFormSeconds(users, uplink.BandwidthHz)
            : uplink.Allocator.Allocate(users.ToArray(), uplink.BandwidthHz, uplink.RateModel).UploadSeconds;

    /// <summary>
    /// A batch's upload from <paramref name="start"/>: split once by the channels at its start (the papers'
    /// quasi-static model), or again at every coherence boundary when the uplink follows the fading.
    /// </summary>
    public static double OfBatch(UplinkSpec uplink, IReadOnlyList<InferenceRequest> members, double start)
    {
        if (uplink.RequantizeOnCoherence) return RequantizedUpload.Seconds(members.Select(r => (r.InputBits, r.Channel)).ToArray(), start, uplink);
        var demands = new UploadDemand[members.Count];
        for (int i = 0; i < demands.Length; i++) demands[i] = new UploadDemand(members[i].InputBits, members[i].Channel.SnrHz(start));
        return Seconds(uplink, demands);
    }
}
