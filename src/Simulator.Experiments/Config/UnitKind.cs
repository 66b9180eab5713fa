namespace Simulator.Experiments;

/// <summary>The kinds of quantity a config value may have; each converts to one SI unit inside.</summary>
public enum UnitKind
{
    /// <summary>Bytes: B, kB, MB, GB, TB (decimal) and KiB, MiB, GiB, TiB (binary), kept distinct.</summary>
    Bytes,
    /// <summary>Bytes per second: the byte units over /s, or bit rates (bit/s, kb/s, Mb/s, Gb/s).</summary>
    ByteRate,
    /// <summary>Seconds: s, ms, us, ns, min, h.</summary>
    Time,
    /// <summary>Hertz: Hz, kHz, MHz, GHz.</summary>
    Frequency,
    /// <summary>Watts: W, mW, or dBm.</summary>
    Power,
    /// <summary>Watts per hertz: W/Hz or dBm/Hz.</summary>
    PowerSpectralDensity,
    /// <summary>Per second (rates of arrival): /s, /min, /h.</summary>
    PerSecond,
    /// <summary>Decibels: dB.</summary>
    Decibels,
    /// <summary>Metres: m, km.</summary>
    Length,
    /// <summary>Seconds per byte, the paper's per-GB transfer times: s/GB, s/MB, s/B.</summary>
    TimePerSize,
}
