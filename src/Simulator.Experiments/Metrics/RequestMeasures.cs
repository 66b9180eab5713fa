namespace Simulator.Experiments;

/// <summary>What became of the requests of a run over time, in every world that simulates it.</summary>
public static class RequestMeasures
{
    public static readonly Metric Arrived = new("arrived", MetricUnit.Count, "Requests that arrived after the warm-up (every strategy of a point and replication sees the same).");

    public static readonly Metric Unplaced = new("unplaced", MetricUnit.Count, "Requests the network strategy placed nowhere: no admissible model fits.") { Better = Better.Lower };

    public static readonly Metric Unfinished = new("unfinished", MetricUnit.Count, "Requests that arrived after the warm-up with no outcome when the run stopped: queued, in service, or waiting for their window or their model's parts.");
}
