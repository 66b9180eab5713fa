namespace Simulator.Kernel;

/// <summary>A seedable stream of uniform numbers: what every distribution and <c>Rand</c> member draws from.</summary>
public interface IRandom
{
    /// <summary>A non-negative integer below 2^31.</summary>
    int Next();

    int Next(int upperBound);

    int Next(int lowerBound, int upperBound);

    /// <summary>A uniform draw in [0, 1).</summary>
    double NextDouble();

    /// <summary>Starts the stream over from <paramref name="seed"/>.</summary>
    void Reinitialise(int seed);
}
