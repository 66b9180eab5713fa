namespace Simulator.Kernel;

/// <summary>
/// A piecewise-constant quantity over simulated time (queue length, memory in use). Its statistics
/// weight each value by how long it held, up to the current time.
/// </summary>
public sealed class TimeSeriesMonitor
{
    private readonly Simulation environment;
    private readonly List<(double Value, double Duration)>? segments;
    private readonly double startD;
    private double lastChangeD;
    private double area, areaSq; // integrals of value and value^2 over closed segments

    public TimeSeriesMonitor(Simulation environment, string name = "", double initial = 0, bool collect = false)
    {
        this.environment = environment ?? throw new ArgumentNullException(nameof(environment));
        Name = name;
        Current = initial;
        Min = Max = initial;
        startD = lastChangeD = environment.NowD;
        if (collect) segments = new List<(double, double)>();
    }

    public string Name { get; }

    public double Current { get; private set; }

    public double Min { get; private set; }

    public double Max { get; private set; }

    /// <summary>Seconds observed so far.</summary>
    public double TotalTimeD => environment.NowD - startD;

    /// <summary>Integral of the value over the time observed.</summary>
    public double Area => area + Current * (environment.NowD - lastChangeD);

    /// <summary>Time-weighted mean; the current value if no time has passed.</summary>
    public double Mean => TotalTimeD > 0 ? Area / TotalTimeD : Current;

    /// <summary>Time-weighted population variance.</summary>
    public double Variance
    {
        get
        {
            double t = TotalTimeD;
            if (t <= 0) return 0;
            double open = environment.NowD - lastChangeD;
            double m = Mean;
            double v = (areaSq + Current * Current * open) / t - m * m;
            return Math.Max(v, 0);
        }
    }

    public double StdDev => Math.Sqrt(Variance);

    public void UpdateTo(double value)
    {
        if (double.IsNaN(value)) throw new ArgumentOutOfRangeException(nameof(value), $"Monitor '{Name}' cannot take NaN.");
        double now = environment.NowD;
        double duration = now - lastChangeD;
        area += Current * duration;
        areaSq += Current * Current * duration;
        if (duration > 0) segments?.Add((Current, duration));
        lastChangeD = now;
        Current = value;
        Min = Math.Min(Min, value);
        Max = Math.Max(Max, value);
    }

    /// <summary>The (value, duration) segments held so far, oldest first, when collecting (the open one excluded).</summary>
    public IReadOnlyList<(double Value, double Duration)> Segments =>
        segments ?? throw new InvalidOperationException($"Monitor '{Name}' does not collect its values.");

    public void Increase(double delta = 1) => UpdateTo(Current + delta);

    public void Decrease(double delta = 1) => UpdateTo(Current - delta);

    /// <summary>The smallest value v such that the quantity was at most v for p % of the time observed.</summary>
    public double GetPercentile(double p)
    {
        if (segments is null) throw new InvalidOperationException($"Monitor '{Name}' does not collect its values.");
        if (!(p >= 0 && p <= 100)) throw new ArgumentOutOfRangeException(nameof(p), p, "A percentile lies in [0, 100].");
        var all = new List<(double Value, double Duration)>(segments);
        double open = environment.NowD - lastChangeD;
        if (open > 0) all.Add((Current, open));
        if (all.Count == 0) return Current;
        all.Sort((a, b) => a.Value.CompareTo(b.Value));
        double total = all.Sum(s => s.Duration);
        double target = p / 100.0 * total, cumulative = 0;
        foreach (var (value, duration) in all)
        {
            cumulative += duration;
            if (cumulative >= target) return value;
        }
        return all[^1].Value;
    }
}
