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
}
