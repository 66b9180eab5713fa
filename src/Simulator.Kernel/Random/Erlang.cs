namespace Simulator.Kernel;

/// <summary>Erlang: the sum of k exponentials of rate lambda, drawn as -log of a product of k uniforms.</summary>
public sealed class Erlang : Distribution<double>
{
    public Erlang(int k, double lambda)
    {
        if (k <= 0) throw new ArgumentException("k must be > 0.", nameof(k));
        if (!(lambda > 0)) throw new ArgumentException("The rate must be > 0.", nameof(lambda));
        K = k;
        Lambda = lambda;
    }

    public int K { get; }

    public double Lambda { get; }

    public double Mean => K / Lambda;

    public double StdDev => Math.Sqrt(K) / Lambda;

    public override double Sample(IRandom random) => Sample(random, K, Lambda);

    public static double Sample(IRandom random, int k, double lambda) => -Math.Log(UniformProduct(random, k)) / lambda;

    internal static double UniformProduct(IRandom random, int k)
    {
        double product = 1.0;
        for (int i = 0; i < k; i++) product *= 1.0 - random.NextDouble();
        return product;
    }
}

/// <summary>Erlang durations; <c>lambda</c> is given, as in SimSharp, as a duration whose seconds are the rate.</summary>
public sealed class ErlangTime : Distribution<TimeSpan>
{
    public ErlangTime(int k, TimeSpan lambda)
    {
        if (k <= 0) throw new ArgumentException("k must be > 0.", nameof(k));
        if (lambda <= TimeSpan.Zero) throw new ArgumentException("The rate must be > 0.", nameof(lambda));
        K = k;
        Lambda = lambda;
    }

    public int K { get; }

    public TimeSpan Lambda { get; }

    public TimeSpan Mean => TimeSpan.FromSeconds(K / Lambda.TotalSeconds);

    public TimeSpan StdDev => TimeSpan.FromSeconds(Math.Sqrt(K) / Lambda.TotalSeconds);

    public override TimeSpan Sample(IRandom random) => Sample(random, K, Lambda);

    public static TimeSpan Sample(IRandom random, int k, TimeSpan lambda) =>
        TimeSpan.FromSeconds(-Math.Log(Erlang.UniformProduct(random, k)) / lambda.TotalSeconds);
}
