namespace Simulator.Edge;

/// <summary>
/// How a user's rate depends on its bandwidth share b, given c = p g / N0 (W/Hz over W/Hz: Hz):
/// <c>FixedPsd</c>, the paper's model: the user keeps its power spectral density p / B, so
/// r(b) = b log2(1 + c / B); <c>FixedPower</c>: the user puts all of p into b, so r(b) = b log2(1 + c / b).
/// </summary>
public enum RateModel
{
    FixedPsd,
    FixedPower,
}

/// <summary>One user's upload in a batch: its bits and its c = p g / N0 at the batch's start.</summary>
public readonly record struct UploadDemand(double Bits, double SnrHz);

public static class Rates
{
    public static double BitsPerSecond(RateModel model, double shareHz, double snrHz, double totalHz) => model switch
    {
        RateModel.FixedPsd => shareHz * Math.Log2(1 + snrHz / totalHz),
        _ => shareHz > 0 ? shareHz * Math.Log2(1 + snrHz / shareHz) : 0,
    };
}
