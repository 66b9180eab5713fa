namespace Simulator.Edge;

/// <summary>Decibel conversions used by the radio model.</summary>
public static class Units
{
    public static double DbmToWatts(double dbm) => Math.Pow(10, (dbm - 30) / 10);

    public static double DbToLinear(double db) => Math.Pow(10, db / 10);

    public static double LinearToDb(double x) => 10 * Math.Log10(x);
}
