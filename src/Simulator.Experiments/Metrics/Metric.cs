namespace Simulator.Experiments;

/// <summary>Which way a metric is better: findings name the winner by it, and a metric that is neither is never a winner's measure.</summary>
public enum Better
{
    Neither,
    Higher,
    Lower,
}

/// <summary>
/// One column of runs.csv, declared once: its name, unit and definition, which way is better, and whether its
/// value can be a bound rather than what an executed plan achieved. Tables, plot axes, findings, the Parquet
/// metadata, <c>list metrics</c> and the reference all read it.
/// </summary>
public sealed record Metric(string Name, MetricUnit Unit, string Definition)
{
    public Better Better { get; init; } = Better.Neither;

    /// <summary>True when a relaxation reports a bound here rather than an executed plan's value (a bound never wins).</summary>
    public bool Bound { get; init; }

    /// <summary>The metric in words, without a unit (titles, sentences).</summary>
    public string Words { get; init; } = Name.Replace('_', ' ');

    /// <summary>The metric in words with the unit its values read best in, and the conversion to it (tables and plot axes alike).</summary>
    public ShownMetric Shown(IEnumerable<double> values)
    {
        double largest = values.Where(double.IsFinite).Select(Math.Abs).DefaultIfEmpty(0).Max();
        var (unit, convert) = Unit.Shown(largest);
        return new ShownMetric(Words, unit, convert);
    }

    /// <summary>The wall-clock time per decision: this machine's, kept out of the tables (timing.csv), but it can be plotted.</summary>
    public static readonly Metric DecisionTime = new("decision_ms", MetricUnit.None, "Mean wall-clock milliseconds per decision of the strategy, on the machine that ran it (timing.csv).")
    {
        Words = "decision time",
    };
}

/// <summary>A metric as it reads: its words, the unit its values are shown in (none for counts), and the conversion from SI to that unit.</summary>
public sealed record ShownMetric(string Words, string? Unit, Func<double, double> Convert)
{
    /// <summary>"latency p95 (ms)": a table's column, a plot's axis.</summary>
    public string Header => Unit is null ? Words : $"{Words} ({Unit})";

    /// <summary>A value (mean or interval bound) in the unit, four significant digits.</summary>
    public string Format(double v) => MetricUnit.Number(Convert(v));

    public void Deconstruct(out string header, out Func<double, string> format)
    {
        header = Header;
        format = Format;
    }
}
