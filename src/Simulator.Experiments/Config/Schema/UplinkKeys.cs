using Simulator.Edge;

namespace Simulator.Experiments;

/// <summary>The keys of a cell's radio (docs/site.md section 3): the band, the users' transmit power and noise, path loss, shadowing, fading, and where users stand.</summary>
public static class UplinkKeys
{
    public static readonly ChoiceKey<string> PlacementKind = new("kind", new (string, Func<string>, string)[]
    {
        ("annulus", () => "annulus", "Uniformly over the annulus between min_radius and max_radius."),
        ("grid", () => "grid", "At the points of a square grid inside the annulus (needs spacing)."),
        ("file", () => "file", "At the x,y coordinates of a CSV file, in metres from the base station (needs file)."),
    }, "annulus", "How user positions are drawn.", noun: "a placement");
    public static readonly QuantityKey MinRadius = new("min_radius", UnitKind.Length, "10 m", Domain.NonNegative, "The inner radius of the cell's annulus.");
    public static readonly QuantityKey MaxRadius = new("max_radius", UnitKind.Length, "250 m", Domain.Positive, "The outer radius of the cell's annulus.");
    public static readonly QuantityKey Spacing = new("spacing", UnitKind.Length, null, Domain.Positive, "grid: the distance between grid points.");
    public static readonly TextKey PlacementFile = new("file", null, "file: a CSV with the columns x and y (m); its SHA-256 joins the config.", "a path");

    public static readonly SectionSchema PlacementSection = new("uplink.placement", "Where users stand.", PlacementKind, MinRadius, MaxRadius, Spacing, PlacementFile);

    public static readonly QuantityKey Bandwidth = new("bandwidth", UnitKind.Frequency, "20 MHz", Domain.Positive, "The uplink band a batch's users share.");
    public static readonly QuantityKey TxPower = new("tx_power", UnitKind.Power, "0.2 W", Domain.Positive, "Each user's transmit power.");
    public static readonly QuantityKey NoisePsd = new("noise_psd", UnitKind.PowerSpectralDensity, "-174 dBm/Hz", Domain.Finite, "The noise power spectral density, before the noise figure.");
    public static readonly QuantityKey NoiseFigure = new("noise_figure", UnitKind.Decibels, "0 dB", Domain.Finite, "The receiver's noise figure, added to the noise.");
    public static readonly ChoiceKey<string> PathLoss = new("pathloss", new (string, Func<string>, string)[]
    {
        ("3gpp-uma", () => "3gpp-uma", "3GPP TR 38.901 urban macro, line of sight."),
        ("free-space", () => "free-space", "Friis free space at the carrier frequency (needs carrier)."),
        ("log-distance", () => "log-distance", "A reference loss at 1 m and an exponent (needs reference_loss, exponent)."),
    }, "3gpp-uma", "How the signal weakens with distance.", noun: "a path-loss model");
    public static readonly QuantityKey Carrier = new("carrier", UnitKind.Frequency, null, Domain.Finite, "The carrier frequency (free-space path loss; Gauss-Markov fading).");
    public static readonly QuantityKey ReferenceLoss = new("reference_loss", UnitKind.Decibels, null, Domain.Finite, "log-distance: the loss at 1 m.");
    public static readonly NumberKey Exponent = new("exponent", null, Domain.Positive, "log-distance: the path-loss exponent.");
    public static readonly QuantityKey Shadowing = new("shadowing", UnitKind.Decibels, "8 dB", Domain.NonNegative, "The standard deviation of log-normal shadowing, drawn per user.");
    public static readonly ChoiceKey<FadingKind> Fading = new("fading", new (string, Func<FadingKind>, string)[]
    {
        ("rayleigh", () => FadingKind.Rayleigh, "Rayleigh block fading, a new block every coherence time."),
        ("rician", () => FadingKind.Rician, "Rician block fading with a line-of-sight K factor (needs rice_k)."),
        ("none", () => FadingKind.None, "No small-scale fading."),
    }, "rayleigh", "Small-scale fading over time.");
    public static readonly NumberKey RiceK = new("rice_k", null, Domain.NonNegative, "rician: the K factor (linear).");
    public static readonly QuantityKey Coherence = new("coherence", UnitKind.Time, "10 ms", Domain.Positive, "How long a fading block lasts.");
    public static readonly ChoiceKey<bool> Correlation = new("correlation", new (string, Func<bool>, string)[]
    {
        ("none", () => false, "Successive fading blocks are independent."),
        ("gauss-markov", () => true, "Successive blocks correlate by Jakes' rho at the users' speed (needs speed, carrier)."),
    }, "none", "How successive fading blocks relate.");
    public static readonly NumberKey Speed = new("speed", null, Domain.NonNegative, "gauss-markov: the users' speed in m/s.");
    public static readonly ChoiceKey<RateModel> RateModel = new("rate_model", new (string, Func<RateModel>, string)[]
    {
        ("fixed-psd", () => Edge.RateModel.FixedPsd, "A user's power scales with its share of the band (the paper)."),
        ("fixed-power", () => Edge.RateModel.FixedPower, "Each user transmits its whole power in whatever share it gets."),
    }, "fixed-psd", "How a user's rate follows its share of the band.");
    public static readonly SectionKey Placement = new("placement", PlacementSection, "Where users stand in the cell.");
    public static readonly BoolKey RequantizeOnCoherence = new("requantize_on_coherence", false, "Split the band again at every coherence boundary during an upload (false: rates fixed by the channel at its start, the papers' model).");
    public static readonly ChoiceKey<IBandwidthAllocator> Allocation = new("allocation", new (string, Func<IBandwidthAllocator>, string)[]
    {
        ("optimal", () => new OptimalAllocator(), "The split that makes every user of a batch finish together (the paper's Proposition 1)."),
        ("equal", () => new EqualAllocator(), "An equal share each; the batch waits for the slowest user."),
    }, "optimal", "How the band is split among a batch's users.");

    public static readonly SectionSchema Section = new("uplink", "A cell's radio and where its users stand.",
        Bandwidth, TxPower, NoisePsd, NoiseFigure, PathLoss, Carrier, ReferenceLoss, Exponent, Shadowing, Fading, RiceK, Coherence, Correlation, Speed, RateModel, Placement, RequantizeOnCoherence, Allocation);

}
