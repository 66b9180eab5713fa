using Simulator.Edge;

namespace Simulator.Plugin.Faults;

/// <summary>The plan the fault plugins make when they do not fail: the oldest queued request, alone.</summary>
internal static class OldestAlone
{
    public static Plan Of(SiteView view)
    {
        if (view.Queue.Count == 0) return Plan.Empty;
        var oldest = view.Queue.MinBy(r => (r.Arrival, r.Id))!;
        return new Plan(new[] { new PlannedBatch(oldest.ModelId, new[] { oldest.Id }) });
    }
}
