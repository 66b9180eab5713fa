namespace Simulator.Kernel;

/// <summary>A distribution restricted to an interval by rejection: up to <c>ntries</c> draws, then a clear error.</summary>
public abstract class Bounded<T> : Distribution<T>, IRejectionSampledDistribution<T>, IStatefulDistribution<T>
    where T : IComparable<T>
{
    protected Bounded(IDistribution<T> distribution, T lower, T upper, int ntries = 100, bool excludeLower = false, bool excludeUpper = false)
    {
        Distribution = distribution ?? throw new ArgumentNullException(nameof(distribution));
        if (ntries <= 0) throw new ArgumentException("At least one try is needed.", nameof(ntries));
        Lower = lower;
        Upper = upper;
        Tries = ntries;
        ExcludeLower = excludeLower;
        ExcludeUpper = excludeUpper;
    }

    public IDistribution<T> Distribution { get; }

    public T Lower { get; }

    public T Upper { get; }

    public int Tries { get; }

    public bool ExcludeLower { get; }

    public bool ExcludeUpper { get; }

    public override T Sample(IRandom random)
    {
        if (TrySample(random, out var sample)) return sample;
        string range = (ExcludeLower ? "]" : "[") + Lower + ":" + Upper + (ExcludeUpper ? "[" : "]");
        throw new InvalidOperationException($"Unable to sample a value in the interval {range} in {Tries} tries.");
    }

    public bool TrySample(IRandom random, out T sample)
    {
        for (int n = 0; n < Tries; n++)
        {
            var s = Distribution.Sample(random);
            if (Inside(s))
            {
                sample = s;
                return true;
            }
        }
        sample = default!;
        return false;
    }

    public void Reset()
    {
        if (Distribution is IStatefulDistribution<T> stateful) stateful.Reset();
    }

    private bool Inside(T s)
    {
        int lo = s.CompareTo(Lower), hi = s.CompareTo(Upper);
        return (ExcludeLower ? lo > 0 : lo >= 0) && (ExcludeUpper ? hi < 0 : hi <= 0);
    }
}

public sealed class BoundedContinuous(IDistribution<double> distribution, double lower = double.NegativeInfinity, double upper = double.PositiveInfinity,
    int ntries = 100, bool excludeLower = false, bool excludeUpper = false)
    : Bounded<double>(distribution, lower, upper, ntries, excludeLower, excludeUpper);

public sealed class BoundedDiscrete(IDistribution<int> distribution, int lower = int.MinValue, int upper = int.MaxValue,
    int ntries = 100, bool excludeLower = false, bool excludeUpper = false)
    : Bounded<int>(distribution, lower, upper, ntries, excludeLower, excludeUpper);

public sealed class BoundedTime(IDistribution<TimeSpan> distribution, TimeSpan? lower = null, TimeSpan? upper = null,
    int ntries = 100, bool excludeLower = false, bool excludeUpper = false)
    : Bounded<TimeSpan>(distribution, lower ?? TimeSpan.MinValue, upper ?? TimeSpan.MaxValue, ntries, excludeLower, excludeUpper);
