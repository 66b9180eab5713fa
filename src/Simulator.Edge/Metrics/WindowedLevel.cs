namespace Simulator.Edge;

/// <summary>
/// The time-weighted mean of a level (a queue's length, GPU memory in use) over consecutive windows
/// [k w, (k + 1) w), accumulated as the level changes: a traced run keeps one number per window instead
/// of one entry per change, so its memory does not grow with the horizon.
/// </summary>
public sealed class WindowedLevel
{
    private readonly double width;
    private readonly List<double> areas = new();
    private double since, level;

    /// <param name="width">The window width in seconds; the level is <paramref name="initial"/> from t = 0.</param>
    public WindowedLevel(double width, double initial = 0)
    {
        if (!(width > 0) || double.IsInfinity(width)) throw new ArgumentOutOfRangeException(nameof(width), width, "A window needs a positive, finite width.");
        this.width = width;
        level = initial;
    }

    /// <summary>The level becomes <paramref name="value"/> at <paramref name="now"/> (never before the last change).</summary>
    public void Set(double now, double value)
    {
        Accumulate(now);
        level = value;
    }

    /// <summary>The mean of every window up to <paramref name="end"/>, the last one cut at <paramref name="end"/>.</summary>
    public IReadOnlyList<(double Start, double Mean)> Means(double end)
    {
        if (!(end > 0) || end < since) throw new ArgumentOutOfRangeException(nameof(end), end, "The end lies before the last change, or at 0.");
        // Windows by index, not by adding widths: accumulated rounding would open a sliver of a window at
        // the end when the end is a multiple of the width.
        int count = Math.Max(1, (int)Math.Ceiling(end / width * (1 - 1e-12)));
        var closed = new List<double>(areas);
        double t = since;
        while (closed.Count < count) closed.Add(0);
        for (int k = Window(t); k < count && t < end; k++)
        {
            double stop = k == count - 1 ? end : Math.Min((k + 1) * width, end);
            closed[k] += level * (stop - t);
            t = stop;
        }
        return Enumerable.Range(0, count).Select(k => (k * width, closed[k] / ((k == count - 1 ? end : (k + 1) * width) - k * width))).ToArray();
    }

    private int Window(double t) => (int)Math.Floor(t / width);

    private void Accumulate(double now)
    {
        if (now < since) throw new ArgumentOutOfRangeException(nameof(now), now, "A level changes forward in time.");
        while (since < now)
        {
            int k = Window(since);
            double stop = Math.Min((k + 1) * width, now);
            if (stop <= since) stop = Math.Min((++k + 1) * width, now); // since sits on an edge, rounded down
            while (areas.Count <= k) areas.Add(0);
            areas[k] += level * (stop - since);
            since = stop;
        }
    }
}
