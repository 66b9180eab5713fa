namespace Simulator.Experiments.Tests;

/// <summary>A network of sites refuses what it cannot run when the file is read (so <c>validate</c> finds it), naming file and line.</summary>
public class SiteNetworkBadInputTests
{
    private static ConfigException Refused(params string[] sets) =>
        Assert.Throws<ConfigException>(() => SiteNetworkTests.Read(SiteNetworkTests.Network, sets));

    [Theory]
    [InlineData("gpu: {device: rtx4090,", "gpu: {device: rtx4090, memory: 50 MB,", "memory: 50 MB", "more than the GPU's")]
    [InlineData("storage: 1 GB", "storage: 20 MB", "storage: 20 MB", "cannot hold the catalog's largest model")]
    [InlineData("{select: requested, schedule: pl-dp}", "{select: pl-dp, schedule: pl-dp}", "{select: pl-dp", "'pl-dp' is a site strategy; 'select' takes a network or online strategy")]
    [InlineData("{select: requested, schedule: pl-dp}", "{select: mec-ilp, schedule: mec-appro}", "mec-appro", "'mec-appro' is a network strategy; 'schedule' takes a site strategy")]
    [InlineData("{select: requested, schedule: pl-dp}", "{select: mec-ilp}", "{select: mec-ilp}", "needs 'schedule'")]
    [InlineData("{select: requested, schedule: pl-dp}", "mec-ilp", "- mec-ilp", "pair each selector with the site strategy")]
    [InlineData("window: 0 s", "queueing: simulated", "queueing: simulated", "each cloudlet's site queues and serves its requests")]
    [InlineData("cloudlet:", "requests: {rate: 5 /s}\n  cloudlet:", "requests: {rate", "requests arrive in the cloudlets' cells")]
    [InlineData("kind: network-of-sites", "kind: network-one-shot", "kind: network-one-shot", "use kind: network-of-sites")]
    public void Refused_with_file_line_and_what(string find, string replace, string at, string gist)
    {
        Assert.Contains(find, SiteNetworkTests.Network);
        string text = SiteNetworkTests.Network.Replace(find, replace);
        int line = text[..text.IndexOf(at, StringComparison.Ordinal)].Count(c => c == '\n') + 1;
        var ex = Assert.Throws<ConfigException>(() => SiteNetworkTests.Read(text));
        Assert.Contains(gist, ex.Message);
        Assert.Equal("sites-test.yaml", ex.File);
        Assert.Equal(line, ex.Line);
    }

    [Fact]
    public void A_cloudlet_count_above_the_placement_files_rows_is_refused_at_the_count()
    {
        string path = Path.Combine(Path.GetTempPath(), $"sites-{Guid.NewGuid():N}.csv");
        File.WriteAllText(path, "SITE_ID,LATITUDE,LONGITUDE\n1,-37.81,144.96\n2,-37.82,144.97\n");
        try
        {
            string text = SiteNetworkTests.Network.Replace("cloudlets: 3", $"cloudlets: 3\n    sites: {{file: {path}}}");
            var ex = Assert.Throws<ConfigException>(() => SiteNetworkTests.Read(text));
            Assert.Contains("3 cloudlets, but", ex.Message);
            Assert.Contains("has 2 sites", ex.Message);
            Assert.Equal("sites-test.yaml", ex.File);
            Assert.Equal(text[..text.IndexOf("cloudlets: 3", StringComparison.Ordinal)].Count(c => c == '\n') + 1, ex.Line);
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void Pairs_and_site_selectors_need_a_network_of_sites()
    {
        var pair = Assert.Throws<ConfigException>(() => Experiments.Tests.Network.NetworkScenarioTests.Read(Experiments.Tests.Network.NetworkScenarioTests.Experiment, "strategies=[{select: mec-ilp, schedule: pl-dp}]", "baseline=mec-ilp+pl-dp"));
        Assert.Contains("belongs to a network whose cloudlets run sites", pair.Message);
        var requested = Assert.Throws<ConfigException>(() => Experiments.Tests.Network.NetworkScenarioTests.Read(Experiments.Tests.Network.NetworkScenarioTests.Experiment, "strategies=[requested]", "baseline=requested"));
        Assert.Contains("needs a network whose cloudlets run sites", requested.Message);
    }
}
