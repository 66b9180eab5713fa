using Simulator.Experiments;
using Simulator.Testing;

namespace Simulator.Experiments.Tests.Network;

/// <summary><c>scenario.kind: network-one-shot</c> through the runner, statistics and outputs.</summary>
public class NetworkScenarioTests
{
    internal const string Experiment = """
        name: network-test
        seed: 123
        replications: 12
        horizon: 1 s
        scenario:
          kind: network-one-shot
          catalog: {generate: pfm, models: 8, families: 2}
          network: {cloudlets: 40}
          requests: {count: 60}
        strategies: [mec-ilp, mec-appro, mec-nonshare, mec-cloud, mec-lp]
        baseline: mec-nonshare
        """;

    internal static ExperimentSpec Read(string text, params string[] sets) => ExperimentReader.Read(YamlDoc.Parse(text, "network-test.yaml"), Path.GetTempPath(), sets);

    [Fact]
    public void Sharing_pays_ilp_and_rounding_below_nonshare_below_cloud_with_paired_intervals()
    {
        var spec = Read(Experiment);
        var records = new Runner(spec, 2).Run();
        var paired = ResultWriter.Paired(spec, records).Where(p => p.Metric == "total_delay").ToDictionary(p => spec.Strategies[p.Strategy].Label, p => p.Paired);
        // Against mec-nonshare, paired over the same 12 windows: below for the sharing-aware, above for the cloud.
        Assert.True(paired["mec-ilp"].Difference.High < 0, $"mec-ilp - nonshare: [{paired["mec-ilp"].Difference.Low}, {paired["mec-ilp"].Difference.High}]");
        Assert.True(paired["mec-appro"].Difference.High < 0, $"mec-appro - nonshare: [{paired["mec-appro"].Difference.Low}, {paired["mec-appro"].Difference.High}]");
        Assert.True(paired["mec-cloud"].Difference.Low > 0, $"mec-cloud - nonshare: [{paired["mec-cloud"].Difference.Low}, {paired["mec-cloud"].Difference.High}]");
        int total = spec.Metrics.Index("total_delay"), placed = spec.Metrics.Index("placed");
        foreach (var group in records.GroupBy(r => r.Cell.Replication))
        {
            double Value(string label) => group.Single(r => spec.Strategies[r.Cell.Strategy].Label == label).Values[total];
            Assert.True(Value("mec-lp") <= Value("mec-ilp") * (1 + 1e-9));
            Assert.True(Value("mec-ilp") <= Value("mec-appro") * (1 + 1e-9));
            // Some windows leave a request no model that fits its home (alpha |M_k| > C_h for every k); all strategies place the same.
            double placedByIlp = group.Single(r => spec.Strategies[r.Cell.Strategy].Label == "mec-ilp").Values[placed];
            Assert.InRange(placedByIlp, 40, 60);
            Assert.All(group.Where(r => spec.Strategies[r.Cell.Strategy].Label != "mec-lp"), r => Assert.Equal(placedByIlp, r.Values[placed]));
        }
    }

    [Fact]
    public void Runs_are_byte_identical_on_one_thread_and_two()
    {
        var spec = Read(Experiment, "replications=4", "scenario.requests.count=30");
        Assert.Equal(ResultWriter.RunsCsv(spec, new Runner(spec, 1).Run()), ResultWriter.RunsCsv(spec, new Runner(spec, 2).Run()));
        Assert.Equal(ResultWriter.SummaryCsv(spec, new Runner(spec, 1).Run()), ResultWriter.SummaryCsv(spec, new Runner(spec, 2).Run()));
    }

    [Fact]
    public void Every_strategy_sees_the_same_window_common_random_numbers()
    {
        var spec = Read(Experiment, "replications=3");
        var scenario = (NetworkOneShotScenario)spec.Points[0].Scenario;
        for (int rep = 0; rep < 3; rep++)
        {
            var streams = new Edge.RandomStreams(Runner.CellSeed(spec.Seed, 0, rep));
            var a = scenario.Draw(streams);
            var b = scenario.Draw(new Edge.RandomStreams(Runner.CellSeed(spec.Seed, 0, rep)));
            Assert.Equal(a.Requests.Select(r => (r.Home, r.Budget, r.InputBytes)), b.Requests.Select(r => (r.Home, r.Budget, r.InputBytes)));
            Assert.Equal(a.Catalog.Models.Select(m => m.Id), b.Catalog.Models.Select(m => m.Id));
        }
        // Sweeping the cloudlet count leaves the catalog (its own stream) as it was.
        var other = (NetworkOneShotScenario)Read(Experiment, "scenario.network.cloudlets=80").Points[0].Scenario;
        var s0 = new Edge.RandomStreams(Runner.CellSeed(spec.Seed, 0, 0));
        Assert.Equal(scenario.Draw(s0).Catalog.Blocks.Select(b => b.Bytes), other.Draw(new Edge.RandomStreams(Runner.CellSeed(spec.Seed, 0, 0))).Catalog.Blocks.Select(b => b.Bytes));
    }

    private static string Eua(string file)
    {
        string path = Path.Combine(RepositoryRoot.Find(), "experiments", "data", "eua", file);
        Assert.True(File.Exists(path), $"the EUA data set ships in the repository at {path}");
        return path;
    }

    [Fact]
    public void Reads_the_eua_sites_and_users_and_refuses_more_cloudlets_than_sites_unless_extended()
    {
        string sites = Eua("sites-optus-melbcbd.csv"), users = Eua("users-melbcbd-generated.csv");
        var spec = Read(Experiment, $"scenario.network.sites.file={sites}", $"scenario.requests.users.file={users}", "scenario.network.cloudlets=125", "replications=2");
        var scenario = (NetworkOneShotScenario)spec.Points[0].Scenario;
        Assert.Equal(125, scenario.World.CloudletSites!.Count);
        Assert.Equal(816, scenario.World.UserSites!.Count);
        // Melbourne's CBD is about 2-3 km across; its users lie over the same plane.
        Assert.InRange(scenario.World.CloudletSites.Max(p => p.X), 1500, 5000);
        Assert.InRange(scenario.World.UserSites.Average(p => p.X), 0, 5000);
        var instance = scenario.Draw(new Edge.RandomStreams(1));
        Assert.Equal(60, instance.Requests.Count);
        Assert.True(instance.Requests.Select(r => r.Home).Distinct().Count() > 10, "users spread over many home cloudlets");
        var ex = Assert.Throws<ConfigException>(() => Read(Experiment, $"scenario.network.sites.file={sites}", "scenario.network.cloudlets=126"));
        Assert.Contains("126 cloudlets", ex.Message);
        Assert.Contains("has 125 sites", ex.Message);
        var extended = (NetworkOneShotScenario)Read(Experiment, $"scenario.network.sites.file={sites}", "scenario.network.cloudlets=200", "scenario.network.sites.extend=true").Points[0].Scenario;
        Assert.Equal(200, extended.Draw(new Edge.RandomStreams(1)).Topology.Cloudlets);
    }

    [Fact]
    public void The_eua_sites_saved_by_another_tool_read_the_same()
    {
        string sites = Eua("sites-optus-melbcbd.csv");
        // As R's write.csv or a spreadsheet saves it: text quoted (a name holding a comma), columns in another order and case.
        var resaved = File.ReadAllLines(sites).Select((line, i) =>
        {
            var f = line.Split(',');
            return i == 0 ? "\"Longitude\",\"Name, street\",\"Latitude\"" : $"{f[2]},\"{f[3]}, \"\"{f[0]}\"\"\",{f[1]}";
        });
        string path = Path.Combine(Path.GetTempPath(), $"sites-{Guid.NewGuid():N}.csv");
        File.WriteAllLines(path, resaved);
        try
        {
            var cloudletsOf = (string file) => ((NetworkOneShotScenario)Read(Experiment, $"scenario.network.sites.file={file}", "scenario.network.cloudlets=125").Points[0].Scenario).World.CloudletSites;
            Assert.Equal(125, cloudletsOf(path)!.Count);
            Assert.Equal(cloudletsOf(sites), cloudletsOf(path));
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Theory]
    [InlineData("{generate: lora, adapters: [{rank: 8}, {rank: 16, targets: all-linear}, {rank: 4}], profile: {alpha: 20 ms, beta: 5 ms}, activation: 500 MB}")]
    [InlineData("{generate: backbone-sharing, clusters: [{backbone: resnet50, variants: 4, frozen: [2, 3, 4], activation: 100 MB}, {backbone: resnet50, variants: 3, frozen: [4], activation: 100 MB}]}")]
    public void Existing_catalogs_work_in_the_network_and_sharing_still_pays(string catalog)
    {
        var spec = Read(Experiment, $"scenario.catalog={catalog}", "scenario.profile=realistic",
            "scenario.network.links={metro: {bandwidth: 10 Gb/s, latency: 1 ms}, backhaul: {bandwidth: 1 Gb/s, latency: 20 ms}}", "replications=6");
        var records = new Runner(spec, 2).Run();
        var paired = ResultWriter.Paired(spec, records).Where(p => p.Metric == "total_delay").ToDictionary(p => spec.Strategies[p.Strategy].Label, p => p.Paired);
        // Models without a compute intensity take their profile's one-request time; their bases are the shared blocks.
        Assert.True(paired["mec-ilp"].Difference.High < 0, $"mec-ilp - nonshare: [{paired["mec-ilp"].Difference.Low}, {paired["mec-ilp"].Difference.High}]");
        Assert.True(paired["mec-cloud"].Difference.Low > 0);
        int placed = spec.Metrics.Index("placed");
        Assert.All(records.Where(r => spec.Strategies[r.Cell.Strategy].Label == "mec-ilp"), r => Assert.True(r.Values[placed] > 0));
    }

    private const string Online = """
        name: online-test
        seed: 9
        replications: 4
        horizon: 1 s
        scenario:
          kind: network-one-shot
          catalog: {generate: pfm, models: 6, families: 2}
          network: {cloudlets: 20}
          requests: {count: 200, context: {model: latent, features: 12, types: 3, informative: 3}}
        strategies: [{name: mec-ol, d: 6}, {name: mec-linucb, d: 6}, mec-egreedy, mec-oracle, mec-ilp]
        baseline: mec-egreedy
        plots:
          - {kind: regret}
        """;

    [Fact]
    public void Learners_runs_are_byte_identical_across_thread_counts_and_the_oracle_has_no_regret()
    {
        var spec = Read(Online);
        var one = new Runner(spec, 1).Run();
        Assert.Equal(ResultWriter.RunsCsv(spec, one), ResultWriter.RunsCsv(spec, new Runner(spec, 2).Run()));
        int regret = spec.Metrics.Index("regret"), picks = spec.Metrics.Index("oracle_pick_ratio"), half = spec.Metrics.Index("regret_1_2");
        foreach (var r in one)
        {
            string label = spec.Strategies[r.Cell.Strategy].Label;
            if (label == "mec-oracle")
            {
                Assert.Equal(0, r.Values[regret]);
                Assert.Equal(1, r.Values[picks]);
            }
            else
            {
                Assert.True(r.Values[regret] > 0, $"{label}: regret {r.Values[regret]}");
                Assert.True(r.Values[half] <= r.Values[regret], "cumulative regret cannot fall");
            }
        }
        string dir = Path.Combine(Path.GetTempPath(), $"online-{Guid.NewGuid():N}");
        try
        {
            ResultWriter.WriteAll(spec, one, dir);
            Assert.True(new FileInfo(Path.Combine(dir, "plots", "00-regret.png")).Length > 10_000);
            Assert.Contains("plots/00-regret.png", File.ReadAllText(Path.Combine(dir, "report.md")));
        }
        finally
        {
            if (Directory.Exists(dir)) Directory.Delete(dir, true);
        }
    }

    [Fact]
    public void A_regret_plot_in_a_scenario_without_learners_metrics_is_refused()
    {
        // Over time, with a horizon its 10 s windows close in.
        var ex = Assert.Throws<ConfigException>(() => Read(Experiment.Replace("kind: network-one-shot", "kind: network", StringComparison.Ordinal).Replace("horizon: 1 s", "horizon: 20 s", StringComparison.Ordinal)
            .Replace("requests: {count: 60}", "requests: {rate: 1 /s}", StringComparison.Ordinal).Replace("mec-appro, ", "", StringComparison.Ordinal).Replace(", mec-lp]", "]", StringComparison.Ordinal) + "\nplots:\n  - {kind: regret}\n"));
        Assert.Contains("a regret plot needs the online metrics", ex.Message);
    }
}
