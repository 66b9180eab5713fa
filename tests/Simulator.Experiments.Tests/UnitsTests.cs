using Simulator.Experiments;

namespace Simulator.Experiments.Tests;

public class UnitsTests
{
    [Theory]
    [InlineData("150 MB/s", UnitKind.ByteRate, 150e6)]
    [InlineData("1 Gb/s", UnitKind.ByteRate, 125e6)]
    [InlineData("20 MHz", UnitKind.Frequency, 20e6)]
    [InlineData("250 ms", UnitKind.Time, 0.25)]
    [InlineData("2 s", UnitKind.Time, 2)]
    [InlineData("24 GB", UnitKind.Bytes, 24e9)]
    [InlineData("1 GiB", UnitKind.Bytes, 1073741824)]
    [InlineData("97.8 MB", UnitKind.Bytes, 97.8e6)]
    [InlineData("30 dBm", UnitKind.Power, 1.0)]
    [InlineData("23 dBm", UnitKind.Power, 0.199526231497)]
    [InlineData("10 dBW", UnitKind.Power, 10)]
    [InlineData("8 bit/s", UnitKind.ByteRate, 1)]
    [InlineData("2 Mbps", UnitKind.ByteRate, 250e3)]
    [InlineData("200 mW", UnitKind.Power, 0.2)]
    [InlineData("10 /s", UnitKind.PerSecond, 10)]
    [InlineData("8 dB", UnitKind.Decibels, 8)]
    public void Values_with_units_convert_to_SI(string text, UnitKind kind, double expected)
    {
        Assert.Equal(expected, Units.Parse(text, kind), 9);
    }

    [Theory]
    [InlineData(7200, "2 h")]
    [InlineData(120, "2 min")]
    [InlineData(90, "90 s")]
    [InlineData(0.25, "250 ms")]
    [InlineData(3e-5, "30 us")]
    public void A_time_is_written_in_whole_hours_or_minutes_where_it_has_them(double seconds, string written)
    {
        Assert.Equal(written, Units.Format(seconds, UnitKind.Time));
    }

    [Fact]
    public void Minus_174_dBm_per_Hz_is_the_thermal_noise_density()
    {
        Assert.Equal(3.981e-21, Units.Parse("-174 dBm/Hz", UnitKind.PowerSpectralDensity), 3.981e-21 * 1e-4); // 10^(-20.4) W/Hz
    }

    [Theory]
    [InlineData("3 ms", UnitKind.Bytes, "unit 'ms', which is not a size")]
    [InlineData("20 MB", UnitKind.Frequency, "unit 'MB', which is not a frequency")]
    [InlineData("fast", UnitKind.ByteRate, "is not a number with a unit; expected a data rate")]
    [InlineData("20", UnitKind.Frequency, "'20' has no unit; expected a frequency (Hz, kHz, MHz, GHz), for example '20 MHz'")]
    [InlineData("2", UnitKind.Time, "'2' has no unit; expected a time")]
    [InlineData("-174", UnitKind.PowerSpectralDensity, "for example '-174 dBm/Hz'")]
    [InlineData("42", UnitKind.Bytes, "'42' has no unit; expected a size")]
    [InlineData("1,000 ms", UnitKind.Time, "'1,000 ms': a number is written without separators, with '.' for decimals, for example '1500 ms' or '1.5 ms'.")]
    [InlineData("1 000 ms", UnitKind.Time, "'1 000 ms': a number is written without separators")]
    [InlineData("1,5 GB", UnitKind.Bytes, "'1,5 GB': a number is written without separators, with '.' for decimals, for example '1500 GB' or '1.5 GB'.")]
    [InlineData("20_000 Hz", UnitKind.Frequency, "'20_000 Hz': a number is written without separators")]
    public void A_unit_of_the_wrong_kind_is_refused_with_what_was_expected(string text, UnitKind kind, string message)
    {
        Assert.Contains(message, Assert.Throws<FormatException>(() => Units.Parse(text, kind)).Message);
    }
}
