using Simulator.Experiments;

namespace Simulator.Experiments.Tests;

public class HardwareProfilesTests
{
    [Fact]
    public void Shipped_profiles_carry_the_specs_numbers()
    {
        var p = HardwareProfiles.Shipped;
        Assert.Equal(200e6, p.Disk("hdd-7200").BytesPerSecond);
        Assert.Equal(0.0116, p.Disk("hdd-7200").AccessSeconds, 12);
        Assert.Equal(new[] { 3.5e9, 7.0e9, 12.4e9 }, new[] { "nvme-gen3", "nvme-gen4", "nvme-gen5" }.Select(n => p.Disk(n).BytesPerSecond));
        Assert.Equal(new[] { 12e9, 25e9, 35e9 }, new[] { "pcie-gen3", "pcie-gen4", "pcie-gen5" }.Select(n => p.Pcie(n).BytesPerSecond));
        Assert.Equal(24_000_000_000, p.Gpu("rtx4090").MemoryBytes);
        Assert.Equal("pcie-gen5", p.Gpu("h100-80g").Pcie);
    }

    [Fact]
    public void A_number_without_a_source_is_refused()
    {
        var doc = YamlDoc.Parse("disks:\n  fast:\n    rate: {value: 1 GB/s}\n    access: {value: 0 ms, source: x}\n", "h.yaml");
        var ex = Assert.Throws<ConfigException>(() => new HardwareProfiles(doc));
        Assert.StartsWith("h.yaml:3: disks.fast.rate: 'rate' needs a source", ex.Message);
    }

    [Fact]
    public void An_unknown_profile_name_gets_a_suggestion()
    {
        var ex = Assert.Throws<KeyNotFoundException>(() => HardwareProfiles.Shipped.Disk("hdd-720"));
        Assert.Contains("Did you mean 'hdd-7200'?", ex.Message);
    }
}
