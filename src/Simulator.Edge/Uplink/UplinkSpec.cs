namespace Simulator.Edge;


/// <summary>The radio side of a site (docs/site.md section 3).</summary>
public sealed record UplinkSpec
{
    public double BandwidthHz { get; init; } = 20e6;
    public double TxPowerWatts { get; init; } = 0.2;
    /// <summary>Noise power spectral density in W/Hz (-174 dBm/Hz, noise figure included).</summary>
    public double NoisePsdWattsPerHz { get; init; } = Units.DbmToWatts(-174);
    public PathLoss PathLoss { get; init; } = new Uma3gppPathLoss();
    public double ShadowingSigmaDb { get; init; } = 8;
    public FadingKind Fading { get; init; } = FadingKind.Rayleigh;
    public double CoherenceSeconds { get; init; } = 0.010;
    public double RiceK { get; init; }
    /// <summary>Correlation of successive fading blocks (Gauss-Markov); null for independent blocks.</summary>
    public double? GaussMarkovRho { get; init; }
    public RateModel RateModel { get; init; } = RateModel.FixedPsd;
    public IBandwidthAllocator Allocator { get; init; } = new OptimalAllocator();
    /// <summary>
    /// False (the default, the papers' quasi-static model): an upload's rates are fixed by the channel at
    /// its start. True: the band is split again at every coherence boundary (<see cref="RequantizedUpload"/>).
    /// </summary>
    public bool RequantizeOnCoherence { get; init; }
    public Placement Placement { get; init; } = new AnnulusPlacement();
    /// <summary>Rate at which results return; null for an instant downlink (the default).</summary>
    public double? DownlinkBitsPerSecond { get; init; }
}

/// <summary>A user's channel: large-scale gain fixed at placement, small-scale fading over time.</summary>
public sealed class Channel
{
    private readonly UplinkSpec spec;
    private readonly Fading fading;

    public Channel(UplinkSpec spec, double distanceMetres, double shadowDb, ulong fadingKey)
    {
        this.spec = spec;
        DistanceMetres = distanceMetres;
        ShadowDb = shadowDb;
        LargeScaleGain = Math.Pow(10, -(spec.PathLoss.Db(distanceMetres) + shadowDb) / 10);
        fading = new Fading(spec.Fading, spec.CoherenceSeconds, fadingKey, spec.RiceK, spec.GaussMarkovRho);
    }

    public double DistanceMetres { get; }

    public double ShadowDb { get; }

    public double LargeScaleGain { get; }

    public double Gain(double t) => LargeScaleGain * fading.PowerGain(t);

    /// <summary>c = p g / N0 at time t (Hz), what the rate models take.</summary>
    public double SnrHz(double t) => spec.TxPowerWatts * Gain(t) / spec.NoisePsdWattsPerHz;

    /// <summary>eta = log2(1 + p g / (N0 B)) at time t, the fixed-psd spectral efficiency.</summary>
    public double SpectralEfficiency(double t) => Math.Log2(1 + SnrHz(t) / spec.BandwidthHz);
}
