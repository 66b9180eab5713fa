namespace Simulator.Kernel;

/// <summary>The platform's <see cref="System.Random"/> behind <see cref="IRandom"/> (SimSharp's <c>Environment</c> uses it).</summary>
public sealed class SystemRandom : IRandom
{
    private System.Random random;

    public SystemRandom() => random = new System.Random();

    public SystemRandom(int seed) => random = new System.Random(seed);

    public int Next() => random.Next();

    public int Next(int upperBound) => random.Next(upperBound);

    public int Next(int lowerBound, int upperBound) => random.Next(lowerBound, upperBound);

    public double NextDouble() => random.NextDouble();

    public void Reinitialise(int seed) => random = new System.Random(seed);
}
