namespace Simulator.Experiments;

/// <summary>
/// The width of the windows a time series is averaged over (<see cref="Simulator.Edge.WindowedLevel"/>): a
/// long trace of a queue or of GPU memory changes thousands of times, and drawn step by step it is a
/// solid block of ink.
/// </summary>
public static class WindowMeans
{
    /// <summary>A round window width giving about <paramref name="windows"/> windows: 1, 2 or 5 times a power of ten.</summary>
    public static double RoundWidth(double span, int windows)
    {
        double raw = span / windows, power = Math.Pow(10, Math.Floor(Math.Log10(raw)));
        return new[] { 1.0, 2.0, 5.0, 10.0 }.Select(m => m * power).First(w => w >= raw);
    }
}
