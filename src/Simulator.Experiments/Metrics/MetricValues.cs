using System.Collections;

namespace Simulator.Experiments;

/// <summary>One run's values of a metric set, addressed by metric (or name); a value no one set is NaN (not measured).</summary>
public sealed class MetricValues : IReadOnlyList<double>
{
    private readonly double[] values;

    public MetricValues(MetricSet set)
    {
        Set = set;
        values = new double[set.Count];
        Array.Fill(values, double.NaN);
    }

    /// <summary>Values in the set's order (a stored record read back).</summary>
    public MetricValues(MetricSet set, IReadOnlyList<double> inOrder)
    {
        if (inOrder.Count != set.Count) throw new ArgumentException($"{inOrder.Count} values for {set.Count} metrics.", nameof(inOrder));
        Set = set;
        values = inOrder.ToArray();
    }

    public MetricSet Set { get; }

    public double this[Metric metric]
    {
        get => values[Set.Index(metric)];
        set => values[Set.Index(metric)] = value;
    }

    public double this[string name] => values[Set.Index(name)];

    public double this[int index] => values[index];

    public int Count => values.Length;

    public IEnumerator<double> GetEnumerator() => ((IEnumerable<double>)values).GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => values.GetEnumerator();
}
