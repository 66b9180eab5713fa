namespace Simulator.Edge;

/// <summary>The few distributions the world needs, drawn from a stream passed in.</summary>
public static class Draw
{
    public static double Exponential(Random rng, double rate) => -Math.Log(1.0 - rng.NextDouble()) / rate;

    public static double Uniform(Random rng, double low, double high) => low + (high - low) * rng.NextDouble();

    public static double StandardNormal(Random rng)
    {
        double u1 = 1.0 - rng.NextDouble(), u2 = rng.NextDouble();
        return Math.Sqrt(-2.0 * Math.Log(u1)) * Math.Cos(2.0 * Math.PI * u2);
    }

    /// <summary>An index drawn with probability proportional to <paramref name="cumulative"/>'s increments (a cumulative weight table).</summary>
    public static int Categorical(Random rng, double[] cumulative)
    {
        double u = rng.NextDouble() * cumulative[^1];
        int i = Array.BinarySearch(cumulative, u);
        i = i < 0 ? ~i : i + 1;
        return Math.Min(i, cumulative.Length - 1);
    }
}
