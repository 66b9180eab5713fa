namespace Simulator.Kernel;

/// <summary>A distribution sampled with a stream passed in: the distribution holds parameters, never a generator.</summary>
public interface IDistribution<T>
{
    T Sample(IRandom random);

    IEnumerable<T> Sample(IRandom random, int n);
}

/// <summary>A distribution sampled by rejection, which may give up.</summary>
public interface IRejectionSampledDistribution<T> : IDistribution<T>
{
    bool TrySample(IRandom random, out T sample);
}

/// <summary>A distribution that keeps state between draws (a spare normal) and can drop it.</summary>
public interface IStatefulDistribution<T> : IDistribution<T>
{
    void Reset();
}

/// <summary>The base of the distributions: n draws are n single draws in order.</summary>
public abstract class Distribution<T> : IDistribution<T>
{
    public abstract T Sample(IRandom random);

    public virtual IEnumerable<T> Sample(IRandom random, int n)
    {
        if (n < 0) throw new ArgumentException("The number of draws must be >= 0.", nameof(n));
        return Draw(random, n);
    }

    private IEnumerable<T> Draw(IRandom random, int n)
    {
        for (int i = 0; i < n; i++) yield return Sample(random);
    }
}

/// <summary>Always the same value.</summary>
public sealed class Constant<T>(T value) : Distribution<T>
{
    public T Value { get; } = value;

    public override T Sample(IRandom random) => Value;
}
