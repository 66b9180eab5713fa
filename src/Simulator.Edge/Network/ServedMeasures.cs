using Simulator.Kernel;

namespace Simulator.Edge.Network;

/// <summary>
/// What a service of the paper's terms measured of the counted requests it served: the realized delay and its
/// parts against the delay planned at decision time, cost and accuracy, streamed (memory flat in the horizon).
/// </summary>
public sealed class ServedMeasures
{
    public long Served { get; private set; }

    public SampleMonitor Delay { get; } = new("delay");

    /// <summary>Every counted delay, binned: its quantiles, and a traced run's CDF.</summary>
    public LatencyHistogram DelayDistribution { get; } = new();

    public SampleMonitor PlannedDelay { get; } = new("planned delay");

    public SampleMonitor Pull { get; } = new("pull");

    public SampleMonitor Queueing { get; } = new("queueing");

    public SampleMonitor Inference { get; } = new("inference");

    public SampleMonitor Transmission { get; } = new("transmission");

    public SampleMonitor Cost { get; } = new("cost");

    public SampleMonitor Accuracy { get; } = new("accuracy");

    internal void Complete(double pull, double queueing, double inference, double transmission, double planned, double cost, double accuracy)
    {
        Served++;
        double delay = pull + queueing + inference + transmission;
        Delay.Add(delay);
        DelayDistribution.Add(delay);
        PlannedDelay.Add(planned);
        Pull.Add(pull);
        Queueing.Add(queueing);
        Inference.Add(inference);
        Transmission.Add(transmission);
        Cost.Add(cost);
        Accuracy.Add(accuracy);
    }
}
