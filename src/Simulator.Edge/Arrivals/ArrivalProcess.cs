namespace Simulator.Edge;

/// <summary>When requests arrive at a cell: an increasing sequence of times in seconds.</summary>
public abstract record ArrivalProcess
{
    public abstract IEnumerable<double> Times(Random rng);
}

/// <summary>Poisson arrivals: exponential gaps of mean 1 / rate.</summary>
public sealed record PoissonArrivals(double RatePerSecond) : ArrivalProcess
{
    public override IEnumerable<double> Times(Random rng)
    {
        if (!(RatePerSecond > 0)) throw new ArgumentOutOfRangeException(nameof(RatePerSecond), RatePerSecond, "A Poisson rate must be positive.");
        for (double t = 0; ;)
        {
            t += Draw.Exponential(rng, RatePerSecond);
            yield return t;
        }
    }
}

/// <summary>
/// A two-state Markov-modulated Poisson process (on/off bursts): Poisson at <c>RateOn</c> during
/// exponential sojourns of mean <c>MeanOnSeconds</c>, then at <c>RateOff</c> (which may be 0) during
/// sojourns of mean <c>MeanOffSeconds</c>. It starts in the on state.
/// </summary>
public sealed record MmppArrivals(double RateOn, double RateOff, double MeanOnSeconds, double MeanOffSeconds) : ArrivalProcess
{
    public double MeanRate => (RateOn * MeanOnSeconds + RateOff * MeanOffSeconds) / (MeanOnSeconds + MeanOffSeconds);

    public override IEnumerable<double> Times(Random rng)
    {
        if (!(RateOn >= 0 && RateOff >= 0 && RateOn + RateOff > 0)) throw new ArgumentOutOfRangeException(nameof(RateOn), "MMPP rates must be non-negative and not both zero.");
        if (!(MeanOnSeconds > 0 && MeanOffSeconds > 0)) throw new ArgumentOutOfRangeException(nameof(MeanOnSeconds), "MMPP sojourn times must be positive.");
        double t = 0;
        bool on = true;
        double stateEnd = Draw.Exponential(rng, 1 / MeanOnSeconds);
        while (true)
        {
            double rate = on ? RateOn : RateOff;
            double next = rate > 0 ? t + Draw.Exponential(rng, rate) : double.PositiveInfinity;
            if (next < stateEnd)
            {
                t = next;
                yield return t;
            }
            else
            {
                // Memorylessness lets the clock restart at the switch.
                t = stateEnd;
                on = !on;
                stateEnd = t + Draw.Exponential(rng, 1 / (on ? MeanOnSeconds : MeanOffSeconds));
            }
        }
    }
}

/// <summary>K requests at t = 0: the paper's single scheduling round.</summary>
public sealed record BatchAtZero(int Count) : ArrivalProcess
{
    public override IEnumerable<double> Times(Random rng)
    {
        if (Count < 0) throw new ArgumentOutOfRangeException(nameof(Count), Count, "A batch holds a non-negative number of requests.");
        return Enumerable.Repeat(0.0, Count);
    }
}
