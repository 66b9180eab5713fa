using Simulator.Experiments;

namespace Simulator.Experiments.Tests;

public class StaticInstanceYamlTests
{
    private const string Catalog = """
        {"blocks": [{"id": "s", "bytes": "100 MB"}, {"id": "h", "bytes": 1000}],
         "models": [{"id": "m", "blocks": ["s", "h"], "profile": {"alpha": "2 ms", "beta": "1 ms"}, "activation": "10 MB"}]}
        """;

    [Fact]
    public void A_JSON_instance_is_read_like_YAML()
    {
        string json = $$"""
            {"catalog": {{Catalog}},
             "site": {"disk": "hdd-7200", "gpu": "rtx4090", "timeline": "sequential"},
             "resident": {"blocks": ["s"]},
             "users": [{"id": 7, "model": "m", "bytes": "250 kB", "efficiency": 5, "deadline": "800 ms"},
                       {"id": 9, "model": "m", "bytes": "1 MB", "distance": "0.1 km", "deadline": "2 s"}]}
            """;
        var view = StaticInstanceYaml.Read(YamlDoc.Parse(json, "round.json"), ".");
        Assert.Equal(new long[] { 7, 9 }, view.Queue.Select(q => q.Id));
        Assert.Equal(2e6, view.Queue[0].InputBits);
        Assert.Equal(5, view.Queue[0].SpectralEfficiency, 12);
        Assert.Equal(0.8, view.Queue[0].Deadline, 12);
        // 100 m: UMa 90.5 dB, 23 dBm, -174 dBm/Hz: c = 0.2 * 10^-9.05 / 10^-20.4.
        Assert.Equal(0.2 * Math.Pow(10, -9.05) / Math.Pow(10, -20.4), view.Queue[1].SnrHz, 1e-3 * view.Queue[1].SnrHz);
        Assert.True(view.Resident.Contains("s"));
        Assert.Equal(24_000_000_000, view.GpuBytes);
        Assert.Equal(200e6, view.Loads.Disk.BytesPerSecond);
    }

    [Theory]
    [InlineData("\"disk\": \"hdd-720\"", "unknown profile 'hdd-720'. Did you mean 'hdd-7200'?")]
    [InlineData("\"timeline\": \"sequentail\"", "'sequentail' is not one of overlap, sequential, pipelined. Did you mean 'sequential'?")]
    public void Mistakes_name_the_file_and_what_was_expected(string replacement, string message)
    {
        string json = $$"""
            {"catalog": {{Catalog}},
             "site": {"disk": "hdd-7200", "gpu": "rtx4090", "timeline": "sequential"},
             "users": [{"id": 1, "model": "m", "bytes": "1 kB", "efficiency": 5, "deadline": "1 s"}]}
            """;
        json = json.Replace(replacement.StartsWith("\"disk\"", StringComparison.Ordinal) ? "\"disk\": \"hdd-7200\"" : "\"timeline\": \"sequential\"", replacement, StringComparison.Ordinal);
        var ex = Assert.Throws<ConfigException>(() => StaticInstanceYaml.Read(YamlDoc.Parse(json, "round.json"), "."));
        Assert.StartsWith("round.json:", ex.Message);
        Assert.Contains(message, ex.Message);
    }

    private static string Round(string site) => $$"""
        {"catalog": {{Catalog}},
         "site": {{site}},
         "users": [{"id": 1, "model": "m", "bytes": "1 kB", "efficiency": 5, "deadline": "1 s"}]}
        """;

    [Fact]
    public void A_disk_and_a_link_of_your_own_are_read_as_a_profiles_values_are()
    {
        var own = StaticInstanceYaml.Read(YamlDoc.Parse(Round("""{"disk": {"rate": "1 GB/s", "access": "2 ms"}, "pcie": {"rate": "10 GB/s", "latency": "1 us"}, "gpu": "rtx4090"}"""), "round.json"), ".");
        Assert.Equal((1e9, 0.002), (own.Loads.Disk.BytesPerSecond, own.Loads.Disk.AccessSeconds));
        Assert.Equal((1e10, 1e-6), (own.Loads.Pcie.BytesPerSecond, own.Loads.Pcie.CopySeconds));
        var missing = Assert.Throws<ConfigException>(() => StaticInstanceYaml.Read(YamlDoc.Parse(Round("""{"disk": {"rate": "1 GB/s"}, "gpu": "rtx4090"}"""), "round.json"), "."));
        Assert.Contains("round.json:3: site.disk: missing 'access' (a time (s, ms, us, min, h)).", missing.Message);
    }

    [Fact]
    public void RAM_and_lumped_loading_are_read_and_reach_the_planners_view()
    {
        var cold = StaticInstanceYaml.Read(YamlDoc.Parse(Round("""{"disk": "hdd-7200", "gpu": "rtx4090"}"""), "round.json"), ".");
        Assert.Empty(cold.InRam);
        var warm = StaticInstanceYaml.Read(YamlDoc.Parse(Round("""{"disk": "hdd-7200", "gpu": "rtx4090", "ram": {"capacity": "1 GB", "preload": "all"}}"""), "round.json"), ".");
        Assert.Equal(new[] { "h", "s" }, warm.InRam.Order());
        var small = StaticInstanceYaml.Read(YamlDoc.Parse(Round("""{"disk": "hdd-7200", "gpu": "rtx4090", "ram": {"capacity": "50 MB", "preload": ["m"]}}"""), "round.json"), ".");
        Assert.DoesNotContain("s", small.InRam); // 100 MB does not fit in 50 MB
        var lumped = StaticInstanceYaml.Read(YamlDoc.Parse(Round("""{"disk": "hdd-7200", "gpu": "rtx4090", "loading": "lumped", "lumped_speed": "1 GB/s"}"""), "round.json"), ".");
        Assert.Equal(Simulator.Edge.LoadingMode.Lumped, lumped.Loads.Mode);
    }

    [Theory]
    [InlineData("""{"disk": "hdd-7200", "gpu": "rtx4090", "ram": "nonsense"}""", "expected a mapping (key: value)")]
    [InlineData("""{"disk": "hdd-7200", "gpu": "rtx4090", "ram": {"capacity": "-1 GB"}}""", "non-negative size")]
    [InlineData("""{"disk": "hdd-7200", "gpu": "rtx4090", "ram": {"preload": "some"}}""", "preload is none, all or a list of model ids")]
    [InlineData("""{"disk": "hdd-7200", "gpu": "rtx4090", "ram": {"preload": ["nope"]}}""", "unknown model 'nope'")]
    [InlineData("""{"disk": "hdd-7200", "gpu": "rtx4090", "loading": "lumped"}""", "needs 'lumped_speed'")]
    [InlineData("""{"disk": "hdd-7200", "gpu": "rtx4090", "lumped_speed": "1 GB/s"}""", "applies only with 'loading: lumped'")]
    public void Bad_RAM_and_loading_settings_are_refused_with_the_file(string site, string message)
    {
        var ex = Assert.Throws<ConfigException>(() => StaticInstanceYaml.Read(YamlDoc.Parse(Round(site), "round.json"), "."));
        Assert.StartsWith("round.json:", ex.Message);
        Assert.Contains(message, ex.Message);
    }
}
