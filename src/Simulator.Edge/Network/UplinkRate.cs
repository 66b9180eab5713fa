namespace Simulator.Edge.Network;

/// <summary>A user's uplink rate to its home cloudlet, from the distance between them.</summary>
public abstract record UplinkRate
{
    /// <summary>Bytes per second at <paramref name="metres"/> from the cloudlet.</summary>
    public abstract double BytesPerSecond(double metres, Random rng);
}

/// <summary>
/// The paper's rate rho = W log2(1 + (P / d^2) / N0) with W = 20, P = 30, N0 = 10 (the authors'
/// <c>calculate_transmission_rate</c>), read as GB/s against input sizes in GB. The authors measure d in
/// degrees of latitude and longitude; here it is kilometres, at least 1 m.
/// </summary>
public sealed record PaperRate(double Bandwidth = 20, double Power = 30, double Noise = 10) : UplinkRate
{
    public override double BytesPerSecond(double metres, Random rng)
    {
        double km = Math.Max(metres, 1) / 1000;
        return Bandwidth * Math.Log2(1 + Power / (km * km) / Noise) * Units.GB;
    }
}

/// <summary>
/// The project's radio (docs/site.md section 3) for one user holding the whole band: path loss and
/// log-normal shadowing at the user's distance, the mean channel (no fast fading over a pull's seconds),
/// Shannon's rate under the fixed power spectral density.
/// </summary>
public sealed record RadioRate(UplinkSpec Uplink) : UplinkRate
{
    public override double BytesPerSecond(double metres, Random rng)
    {
        var channel = new Channel(Uplink with { Fading = FadingKind.None }, Math.Max(metres, 1), Uplink.ShadowingSigmaDb * Draw.StandardNormal(rng), 0);
        return Uplink.BandwidthHz * channel.SpectralEfficiency(0) / 8;
    }
}
