namespace Simulator.Experiments;

/// <summary>
/// Time-weighted means of a step function over consecutive windows: a long trace of a queue or of GPU
/// memory changes thousands of times, and drawn step by step it is a solid block of ink.
/// </summary>
public static class WindowMeans
{
    /// <summary>
    /// The mean of each window [k w, (k + 1) w) up to <paramref name="end"/> (the last one may be shorter).
    /// Each step's value holds from its time until the next step's; the first step must start at 0.
    /// </summary>
    public static IReadOnlyList<(double Start, double Mean)> Of(IReadOnlyList<(double Time, double Value)> steps, double end, double width)
    {
        if (!(width > 0) || !(end > 0)) throw new ArgumentException($"windows need a positive width and end, not {width} and {end}.");
        if (steps.Count == 0 || steps[0].Time != 0) throw new ArgumentException("the steps must start at time 0.");
        // Windows by index, not by adding widths: accumulated rounding would open a sliver of a window at
        // the end when the end is a multiple of the width.
        int count = Math.Max(1, (int)Math.Ceiling(end / width * (1 - 1e-12)));
        var means = new List<(double, double)>(count);
        int i = 0;
        for (int k = 0; k < count; k++)
        {
            double start = k * width, stop = k == count - 1 ? end : Math.Min((k + 1) * width, end), area = 0;
            while (i + 1 < steps.Count && steps[i + 1].Time <= start) i++;
            for (int j = i; j < steps.Count && steps[j].Time < stop; j++)
            {
                double from = Math.Max(steps[j].Time, start);
                double to = j + 1 < steps.Count ? Math.Min(steps[j + 1].Time, stop) : stop;
                area += steps[j].Value * (to - from);
            }
            means.Add((start, area / (stop - start)));
        }
        return means;
    }

    /// <summary>A round window width giving about <paramref name="windows"/> windows: 1, 2 or 5 times a power of ten.</summary>
    public static double RoundWidth(double span, int windows)
    {
        double raw = span / windows, power = Math.Pow(10, Math.Floor(Math.Log10(raw)));
        return new[] { 1.0, 2.0, 5.0, 10.0 }.Select(m => m * power).First(w => w >= raw);
    }
}
