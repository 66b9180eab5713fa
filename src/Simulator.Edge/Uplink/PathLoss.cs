namespace Simulator.Edge;

/// <summary>Large-scale path loss in dB at a distance in metres.</summary>
public abstract record PathLoss
{
    public abstract double Db(double metres);

    protected static void CheckDistance(double metres)
    {
        if (!(metres > 0)) throw new ArgumentOutOfRangeException(nameof(metres), metres, "Path loss needs a positive distance.");
    }
}

/// <summary>3GPP urban macro: 128.1 + 37.6 log10(d / 1 km).</summary>
public sealed record Uma3gppPathLoss : PathLoss
{
    public override double Db(double metres)
    {
        CheckDistance(metres);
        return 128.1 + 37.6 * Math.Log10(metres / 1000.0);
    }
}

/// <summary>Friis free space: 20 log10(4 pi d f / c).</summary>
public sealed record FreeSpacePathLoss(double CarrierHz) : PathLoss
{
    public override double Db(double metres)
    {
        CheckDistance(metres);
        return 20 * Math.Log10(4 * Math.PI * metres * CarrierHz / 299_792_458.0);
    }
}

/// <summary>Log-distance: PL0 + 10 n log10(d / d0).</summary>
public sealed record LogDistancePathLoss(double ReferenceDb, double Exponent, double ReferenceMetres = 1.0) : PathLoss
{
    public override double Db(double metres)
    {
        CheckDistance(metres);
        return ReferenceDb + 10 * Exponent * Math.Log10(metres / ReferenceMetres);
    }
}
