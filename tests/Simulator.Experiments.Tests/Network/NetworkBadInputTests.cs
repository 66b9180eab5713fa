using Simulator.Experiments;

namespace Simulator.Experiments.Tests.Network;

/// <summary>Bad network input is refused when the experiment is read, with the file, the line and what was expected.</summary>
public class NetworkBadInputTests
{
    private static ConfigException Refused(params string[] sets) =>
        Assert.Throws<ConfigException>(() => NetworkScenarioTests.Read(NetworkScenarioTests.Experiment, sets));

    private static string Csv(string text)
    {
        string path = Path.Combine(Path.GetTempPath(), $"coords-{Guid.NewGuid():N}.csv");
        File.WriteAllText(path, text);
        return path;
    }

    [Theory]
    [InlineData("CL_ID,LATITUDE\n1,-37.8\n", 1, "no 'longitude' column")]
    [InlineData("CL_ID,LATITUDE,LONGITUDE\n1,-37.8,144.9\n2,north,144.9\n", 3, "LATITUDE 'north' is not a number")]
    [InlineData("CL_ID,LATITUDE,LONGITUDE\n1,-37.8,144.9\n1,-37.81,144.95\n", 3, "CL_ID '1' appears twice (first on line 2)")]
    [InlineData("CL_ID,LATITUDE,LONGITUDE\n", 1, "no rows")]
    [InlineData("CL_ID,LATITUDE,LONGITUDE\n1,-137.8,144.9\n", 2, "outside [-90, 90]")]
    public void A_bad_coordinates_file_names_its_file_and_line(string content, int line, string gist)
    {
        string path = Csv(content);
        try
        {
            var ex = Refused($"scenario.network.sites.file={path}", "scenario.network.cloudlets=1");
            Assert.Equal(path, ex.File);
            Assert.Equal(line, ex.Line);
            Assert.Contains(gist, ex.Message);
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Theory]
    [InlineData("scenario.requests.accuracy_requirement=1.5", "must be at most 1")]
    [InlineData("scenario.requests.count=0", "'count' must be a whole number from 1")]
    [InlineData("scenario.network.cloudlets=-3", "'cloudlets' must be a whole number from 1")]
    [InlineData("scenario.network.edges=star", "'star' is not an edge rule")]
    [InlineData("scenario.network.capacity=stores", "'stores' is not one of per-request, aggregated, store. Did you mean 'store'?")]
    [InlineData("scenario.network.queueing=simulated", "'simulated' is not one of analytic")]
    [InlineData("scenario.network.sources=nearby", "'nearby' is not one of cloudlets, all")]
    [InlineData("scenario.network.area=0 m", "'area' must be above 0")]
    [InlineData("scenario.network.links.metro={min: 10 s/GB, max: 5 s/GB}", "min 10 s/GB above max 5 s/GB")]
    [InlineData("scenario.network.links.metro=5 MB", "is not a time per size")]
    [InlineData("scenario.cloudlets.capacity={min: 8.5 GB, max: 24 GB}", "whole GB")]
    [InlineData("scenario.cloudlets.service_rate=0 /s", "'service_rate' must be above 0")]
    [InlineData("scenario.catalog.families=20", "20 families for 8 models")]
    [InlineData("scenario.catalog.size={min: 0 GB, max: 20 GB}", "'size' must be above 0")]
    [InlineData("scenario.requests.budget=-1", "'budget' must be above 0")]
    [InlineData("scenario.requests.input={min: 1 GB}", "needs both min and max")]
    [InlineData("scenario.profile=realistic", "the realistic profile needs links")]
    [InlineData("scenario.netwrok.cloudlets=3", "unknown key 'netwrok'")]
    [InlineData("scenario.network.capacity_factor=3", "no model fits any cloudlet")]
    public void Impossible_values_are_refused_at_read_time(string set, string gist)
    {
        var ex = Refused(set);
        Assert.Contains(gist, ex.Message);
        Assert.True(ex.Line >= 1);
        Assert.False(string.IsNullOrEmpty(ex.File));
    }

    [Fact]
    public void A_bound_a_value_may_reach_is_taken_and_one_past_it_is_refused()
    {
        // xi = 1 weighs accuracy alone: the top of its range is a setting, not a mistake.
        Assert.NotNull(NetworkScenarioTests.Read(NetworkScenarioTests.Experiment, "scenario.requests.penalty.xi=1"));
        Assert.Contains("'xi' must be at most 1, not 1.000001", Refused("scenario.requests.penalty.xi=1.000001").Message);
    }

    [Fact]
    public void An_accuracy_requirement_no_model_meets_is_refused()
    {
        var ex = Refused("scenario.requests.accuracy={min: 0.4, max: 0.6}", "scenario.requests.accuracy_requirement={min: 0.7, max: 0.9}");
        Assert.Contains("no model meets an accuracy requirement of 0.7: the best accuracy is 0.6", ex.Message);
    }

    [Fact]
    public void Strategies_and_plots_of_the_wrong_kind_are_refused()
    {
        var wrongStrategy = Assert.Throws<ConfigException>(() => NetworkScenarioTests.Read(NetworkScenarioTests.Experiment.Replace("strategies: [mec-ilp,", "strategies: [pl-dp,", StringComparison.Ordinal)));
        Assert.Contains("'pl-dp' is a site strategy; a network-one-shot scenario runs network and online strategies: mec-appro", wrongStrategy.Message);
        string withPlot(string plot) => NetworkScenarioTests.Experiment + "\nsweep: {scenario.network.cloudlets: [10, 20]}\nplots:\n  - " + plot + "\n";
        Assert.Contains("a cdf plot shows the latency distribution of the served requests at one sweep point, per strategy; a network-one-shot scenario has line-ci, paired-gain, bars, regret plots", Assert.Throws<ConfigException>(() => NetworkScenarioTests.Read(withPlot("{kind: cdf}"))).Message);
        Assert.Contains("unknown metric 'total_dealy'. Did you mean 'total_delay'?", Assert.Throws<ConfigException>(() => NetworkScenarioTests.Read(withPlot("{x: scenario.network.cloudlets, y: total_dealy}"))).Message);
        Assert.Contains("plot x 'scenario.requests.count' is not a swept path", Assert.Throws<ConfigException>(() => NetworkScenarioTests.Read(withPlot("{x: scenario.requests.count, y: total_delay}"))).Message);
        Assert.Contains("a network-one-shot scenario keeps no level over simulated time: it has no 'queue_length' over time to plot (kinds that do: single-site, network, network-of-sites).", Assert.Throws<ConfigException>(() => NetworkScenarioTests.Read(withPlot("{kind: timeseries}"))).Message);
        var siteWithNetwork = """
            name: s
            seed: 1
            replications: 2
            horizon: 10 s
            scenario:
              catalog: {generate: backbone-sharing, clusters: [{backbone: resnet50, variants: 2, frozen: [1], activation: 10 MB}]}
              arrivals: {rate: 1 /s}
              deadline: 1 s
            strategies: [mec-ilp]
            """;
        Assert.Contains("'mec-ilp' is a network strategy; a single-site scenario runs site strategies", Assert.Throws<ConfigException>(() => NetworkScenarioTests.Read(siteWithNetwork)).Message);
    }
}
