using Simulator.Kernel;

namespace Simulator.Edge.Network;

/// <summary>
/// What a stochastic network run measured, streamed (memory flat in the horizon): requests by outcome,
/// the realized delay and its parts against the delay planned at decision time, cost, accuracy, bytes
/// pulled from the data centre and from other cloudlets, how often a part was already at home, and
/// evictions. Requests that arrive before the warm-up ends are not counted.
/// </summary>
public sealed class NetworkMetrics(double warmupSeconds)
{
    public double WarmupSeconds { get; } = warmupSeconds;

    public long Arrived { get; internal set; }

    public long Served { get; internal set; }

    public long Unplaced { get; internal set; }

    public SampleMonitor Delay { get; } = new("delay");

    public P2Quantile DelayP95 { get; } = new(0.95);

    public SampleMonitor PlannedDelay { get; } = new("planned delay");

    public SampleMonitor Pull { get; } = new("pull");

    public SampleMonitor Queueing { get; } = new("queueing");

    public SampleMonitor Inference { get; } = new("inference");

    public SampleMonitor Transmission { get; } = new("transmission");

    public SampleMonitor Cost { get; } = new("cost");

    public SampleMonitor Accuracy { get; } = new("accuracy");

    public double BytesFromDataCentre { get; internal set; }

    public double BytesFromCloudlets { get; internal set; }

    /// <summary>Bytes of every pull started and of every pull landed, warm-up or not: what the network tier sent towards the disks and delivered.</summary>
    public double BytesSent { get; internal set; }

    public double BytesLanded { get; internal set; }

    /// <summary>Seconds the counted pulls took, from start to landing (the network tier's time).</summary>
    public double PullSeconds { get; internal set; }

    public long PartLookups { get; internal set; }

    public long PartHits { get; internal set; }

    public SampleMonitor DecisionWallSeconds { get; } = new("decision");

    public bool Counts(double arrival) => arrival >= WarmupSeconds;

    /// <summary>Online rounds so far (all of them: a learning curve starts at the first request, warm-up or not).</summary>
    public long Rounds { get; private set; }

    public double CumulativeRegret { get; private set; }

    public double TotalPenalty { get; private set; }

    public long BestPicks { get; private set; }

    /// <summary>(t, R(t)) at every round t that is a power of two, and the last: a learning curve in memory that grows with log t.</summary>
    public List<(long Round, double Regret)> RegretCurve { get; } = new();

    public IReadOnlyList<int> LastObserved { get; private set; } = Array.Empty<int>();

    internal void Round(double penalty, double regret, IReadOnlyList<int> observed)
    {
        Rounds++;
        CumulativeRegret += regret;
        TotalPenalty += penalty;
        if (regret == 0) BestPicks++;
        LastObserved = observed;
        if ((Rounds & (Rounds - 1)) == 0) RegretCurve.Add((Rounds, CumulativeRegret));
    }

    internal void Complete(double pull, double queueing, double inference, double transmission, double planned, double cost, double accuracy)
    {
        Served++;
        double delay = pull + queueing + inference + transmission;
        Delay.Add(delay);
        DelayP95.Add(delay);
        PlannedDelay.Add(planned);
        Pull.Add(pull);
        Queueing.Add(queueing);
        Inference.Add(inference);
        Transmission.Add(transmission);
        Cost.Add(cost);
        Accuracy.Add(accuracy);
    }
}
