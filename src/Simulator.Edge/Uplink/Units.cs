namespace Simulator.Edge;

/// <summary>Decibel conversions used by the radio model, and the gigabyte the second paper counts sizes in.</summary>
public static class Units
{
    /// <summary>Bytes in a GB (decimal, as the paper's sizes and per-GB transfer times are).</summary>
    public const double GB = 1e9;

    public static double DbmToWatts(double dbm) => Math.Pow(10, (dbm - 30) / 10);

    public static double DbToLinear(double db) => Math.Pow(10, db / 10);

    public static double LinearToDb(double x) => 10 * Math.Log10(x);
}
