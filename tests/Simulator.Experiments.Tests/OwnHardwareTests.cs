namespace Simulator.Experiments.Tests;

/// <summary>A disk or a PCIe link of the user's own, given by its values instead of a profile's name.</summary>
public class OwnHardwareTests
{
    private static readonly string[] Small = { "replications=2", "horizon=20 s", "warmup=2 s", "plots=[]", "sweep={scenario.arrivals.rate: [20 /s]}" };

    private static string Runs(params string[] sets)
    {
        var spec = Quickstart.Read(Small.Concat(sets).ToArray());
        return ResultWriter.RunsCsv(spec, new Runner(spec, 2).Run());
    }

    [Fact]
    public void A_disk_and_a_link_of_your_own_with_a_profiles_values_run_as_the_profile()
    {
        // The quickstart's HDD and the RTX 4090's PCIe 4.0 link, written out as values (list profiles).
        Assert.Equal(Runs(), Runs("scenario.site.disk={rate: 200 MB/s, access: 11.6 ms}", "scenario.site.pcie={rate: 25 GB/s, latency: 0 s}"));
        var spec = Quickstart.Read(Small.Append("scenario.site.disk={rate: 0.2 GB/s, access: 11600 us}").ToArray());
        Assert.Contains("points[0].scenario.site.disk.rate: 200000000", spec.ResolvedText);
        Assert.Contains("points[0].scenario.site.disk.access: 0.0116", spec.ResolvedText);
    }

    [Fact]
    public void A_faster_disk_of_your_own_loads_faster()
    {
        var spec = Quickstart.Read(Small.Where(s => !s.StartsWith("sweep=", StringComparison.Ordinal))
            .Concat(new[] { "strategies=[fcfs]", "baseline=null", "sweep={scenario.site.disk: [{rate: 200 MB/s, access: 11.6 ms}, {rate: 2 GB/s, access: 11.6 ms}]}" }).ToArray());
        var loading = ResultWriter.Summaries(spec, new Runner(spec, 2).Run()).Where(x => x.Metric == "loading_mean").ToDictionary(x => x.Point, x => x.Summary.Mean);
        Assert.True(loading[1] < loading[0] / 2, $"{loading[1]} s against {loading[0]} s");
    }

    [Theory]
    [InlineData("scenario.site.disk={rate: 200 MB/s}", "missing 'access' (a time (s, ms, us, min, h)).")]
    [InlineData("scenario.site.disk={rate: 0 MB/s, access: 1 ms}", "'rate' must be above 0, not 0.")]
    [InlineData("scenario.site.pcie={rate: 25 GB/s, latency: -1 ms}", "'latency' must be at least 0, not -0.001.")]
    [InlineData("scenario.site.disk=hdd", "unknown profile 'hdd'. Known: hdd-7200, sata-ssd, nvme-gen3, nvme-gen4, nvme-gen5; or give {rate, access}.")]
    public void A_device_of_your_own_is_checked_as_its_values_are_declared(string set, string message)
    {
        var ex = Assert.Throws<ConfigException>(() => Quickstart.Read(Small.Append(set).ToArray()));
        Assert.Contains(message, ex.Message);
    }
}
