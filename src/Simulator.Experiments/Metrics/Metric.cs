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

    /// <summary>
    /// A quantity a strategy may give up to win on another (accuracy, cost): when the winner differs from the baseline
    /// in it by more than <see cref="GuardMargin"/>, the finding that names the winner says so.
    /// </summary>
    public bool Guard { get; init; }

    /// <summary>The relative difference in a <see cref="Guard"/> metric a finding reports.</summary>
    public const double GuardMargin = 0.05;

    /// <summary>
    /// True when no value can be below 0 (a time, a count, bytes, a rate, a share; and the dimensionless metrics that
    /// say so): a plot clips an interval there rather than draw what cannot be.
    /// </summary>
    public bool NonNegative { get => nonNegative ?? !ReferenceEquals(Unit, MetricUnit.None); init => nonNegative = value; }

    private readonly bool? nonNegative;

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
        NonNegative = true,
    };
}

/// <summary>A metric as it reads: its words, the unit its values are shown in (none for counts), and the conversion from SI to that unit.</summary>
public sealed record ShownMetric(string Words, string? Unit, Func<double, double> Convert)
{
    /// <summary>"latency p95 (ms)": a table's column, a plot's axis.</summary>
    public string Header => Unit is null ? Words : $"{Words} ({Unit})";

    /// <summary>A value (mean or interval bound) in the unit, four significant digits.</summary>
    public string Format(double v) => MetricUnit.Number(Convert(v));

    /// <summary>
    /// A mean and its half-width in the unit, to the digits the estimate supports: the half-width to two significant
    /// digits and the mean to the same decimal place ("8.348 ± 0.093", not "8.348 ± 0.09299"); without a half-width
    /// (one replication, or none that varied) the mean as <see cref="Format"/> gives it.
    /// </summary>
    public string Estimate(double mean, double halfWidth)
    {
        double m = Convert(mean), h = Math.Abs(Convert(halfWidth) - Convert(0));
        if (double.IsNaN(m)) return "n/a";
        if (!(h > 0) || !double.IsFinite(h)) return MetricUnit.Number(m);
        int decimals = Math.Max(0, 1 - (int)Math.Floor(Math.Log10(h)));
        string Fixed(double v) => v.ToString("F" + decimals.ToString(System.Globalization.CultureInfo.InvariantCulture), System.Globalization.CultureInfo.InvariantCulture);
        return $"{Fixed(Math.Round(m, Math.Min(decimals, 15)))} ± {Fixed(h)}";
    }

    public void Deconstruct(out string header, out Func<double, string> format)
    {
        header = Header;
        format = Format;
    }
}
