namespace Simulator.Kernel;

/// <summary>Draws uniformly among observed values; also the one-pass (reservoir) choices SimSharp's RandChoice members use.</summary>
public sealed class EmpiricalUniform<T> : Distribution<T>
{
    private readonly IReadOnlyList<T> observations;

    public EmpiricalUniform(IEnumerable<T> observations) : this((IReadOnlyList<T>)observations.ToArray()) { }

    public EmpiricalUniform(IReadOnlyList<T> observations)
    {
        this.observations = observations ?? throw new ArgumentNullException(nameof(observations));
        if (observations.Count == 0) throw new ArgumentException("There must be at least one observation.", nameof(observations));
    }

    public override T Sample(IRandom random) => observations[random.Next(observations.Count)];

    /// <summary><paramref name="count"/> distinct observations in their order, each subset equally likely (selection sampling).</summary>
    public IEnumerable<T> SampleNoRepetition(IRandom random, int count) => SampleOnlineNoRepetition(random, observations, count);

    /// <summary>One element of a sequence of unknown length, each equally likely, in one pass.</summary>
    public static T SampleOnline(IRandom random, IEnumerable<T> observations)
    {
        using var it = observations.GetEnumerator();
        if (!it.MoveNext()) throw new ArgumentException("The sequence is empty.", nameof(observations));
        var chosen = it.Current;
        for (int seen = 2; it.MoveNext(); seen++)
            if (seen * random.NextDouble() < 1) chosen = it.Current;
        return chosen;
    }

    /// <summary><paramref name="count"/> independent one-pass choices (with repetition).</summary>
    public static IList<T> SampleOnline(IRandom random, IEnumerable<T> observations, int count)
    {
        if (count < 0) throw new ArgumentException($"The count is negative ({count}).", nameof(count));
        if (count == 0) return Array.Empty<T>();
        using var it = observations.GetEnumerator();
        if (!it.MoveNext()) throw new ArgumentException("The sequence is empty.", nameof(observations));
        var chosen = new T[count];
        Array.Fill(chosen, it.Current);
        for (int seen = 2; it.MoveNext(); seen++)
            for (int c = 0; c < count; c++)
                if (seen * random.NextDouble() < 1) chosen[c] = it.Current;
        return chosen;
    }

    /// <summary>
    /// <paramref name="count"/> distinct elements in one pass. The check runs eagerly; the draws are made
    /// as the result is enumerated.
    /// </summary>
    public static IEnumerable<T> SampleOnlineNoRepetition(IRandom random, IEnumerable<T> observations, int count)
    {
        if (count < 0) throw new ArgumentException($"The count is negative ({count}).", nameof(count));
        return Select(random, observations, count);
    }

    // Knuth's selection sampling; SimSharp compares against the requested count where the number of
    // elements left to see belongs, which picks the first elements far too often.
    private static IEnumerable<T> Select(IRandom random, IEnumerable<T> observations, int count)
    {
        if (count == 0) yield break;
        var items = observations as IReadOnlyCollection<T> ?? observations.ToArray();
        int left = items.Count;
        if (left < count) throw new ArgumentException($"There are not {count} items to choose from without repetition.", nameof(observations));
        foreach (var item in items)
        {
            if (random.NextDouble() * left < count)
            {
                count--;
                yield return item;
                if (count == 0) yield break;
            }
            left--;
        }
    }
}

/// <summary>Draws observed values with the given non-negative weights.</summary>
public sealed class EmpiricalNonUniform<T> : Distribution<T>
{
    private readonly IReadOnlyList<T> observations;
    private readonly IReadOnlyList<double> weights;
    private readonly double total;

    public EmpiricalNonUniform(IEnumerable<T> observations, IEnumerable<double> weights)
        : this((IReadOnlyList<T>)observations.ToArray(), (IReadOnlyList<double>)weights.ToArray()) { }

    public EmpiricalNonUniform(IReadOnlyList<T> observations, IReadOnlyList<double> weights)
    {
        this.observations = observations ?? throw new ArgumentNullException(nameof(observations));
        this.weights = weights ?? throw new ArgumentNullException(nameof(weights));
        total = CheckedTotal(observations.Count, weights);
    }

    public override T Sample(IRandom random) => observations[Pick(random.NextDouble(), weights, total)];

    public static T Sample(IRandom random, IList<T> source, IList<double> weights)
    {
        var w = (IReadOnlyList<double>)weights.ToArray();
        return source[Pick(random.NextDouble(), w, CheckedTotal(source.Count, w))];
    }

    private static double CheckedTotal(int count, IReadOnlyList<double> weights)
    {
        if (count != weights.Count) throw new ArgumentException($"There are {count} observations but {weights.Count} weights.", nameof(weights));
        double total = 0;
        foreach (var w in weights)
        {
            if (!(w >= 0)) throw new ArgumentException("Weights must be >= 0.", nameof(weights));
            total += w;
        }
        if (double.IsInfinity(total)) throw new ArgumentException("The weights do not sum to a finite number.", nameof(weights));
        if (total <= 0) throw new ArgumentException("The total weight must be > 0.", nameof(weights));
        return total;
    }

    // The first index whose cumulative share reaches u; a rounding shortfall at the end falls on the
    // last positive weight, never on a zero-weight entry or past the array.
    private static int Pick(double u, IReadOnlyList<double> weights, double total)
    {
        double cumulative = 0;
        int last = -1;
        for (int i = 0; i < weights.Count; i++)
        {
            if (weights[i] <= 0) continue;
            last = i;
            cumulative += weights[i] / total;
            if (u <= cumulative) return i;
        }
        return last;
    }
}
