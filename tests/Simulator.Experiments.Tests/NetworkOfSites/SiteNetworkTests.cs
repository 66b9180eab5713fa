using CsCheck;
using Simulator.Edge;
using Simulator.Edge.Network;
using Simulator.Kernel;
using Simulator.Strategies;

namespace Simulator.Experiments.Tests;

/// <summary>A network whose cloudlets run PartialLoading sites (network.md section 6): the lone site as a special case, and what is conserved.</summary>
public class SiteNetworkTests
{
    // The site and its cell: a lone site's scenario holds them, and so does every cloudlet of a network of sites.
    private static readonly string[] Cell =
    {
        "site: {disk: hdd-7200, gpu: {device: rtx4090, residency: previous-model}}",
        "uplink: {bandwidth: 20 MHz, tx_power: 23 dBm, noise_psd: -174 dBm/Hz, pathloss: 3gpp-uma, fading: rayleigh, coherence: 10 ms}",
        "arrivals: {process: poisson, rate: 8 /s, popularity: zipf(0.8)}",
        "deadline: 1 s",
    };

    private static string Lines(string indent, IEnumerable<string> lines) => string.Concat(lines.Select(l => indent + l + "\n"));

    internal static readonly string Network = string.Concat(
        "name: sites-test\nseed: 11\nreplications: 2\nhorizon: 60 s\nwarmup: 5 s\n",
        "scenario:\n",
        Lines("  ", new[]
        {
            "kind: network-of-sites", "profile: realistic", "catalog: {name: two-resnet50-clusters}",
            "network:", "  cloudlets: 3", "  window: 0 s", "  contention: fair-share",
            "  links: {metro: {bandwidth: 10 Gb/s, latency: 1 ms}, backhaul: {bandwidth: 1 Gb/s, latency: 20 ms}}",
            "cloudlet:", "  storage: 1 GB",
        }),
        Lines("    ", Cell),
        "strategies:\n  - {select: requested, schedule: pl-dp}\n  - {select: mec-nonshare, schedule: no-sharing}\n");

    private static readonly string LoneSite = string.Concat(
        "name: lone-site\nseed: 11\nreplications: 2\nhorizon: 60 s\nwarmup: 5 s\n",
        "scenario:\n  kind: single-site\n  catalog: {name: two-resnet50-clusters}\n",
        Lines("  ", Cell),
        "strategies: [pl-dp, pl-greedy, no-sharing, fcfs]\n");

    internal static ExperimentSpec Read(string text, params string[] sets) => ExperimentReader.Read(YamlDoc.Parse(text, "sites-test.yaml"), Path.GetTempPath(), sets);

    /// <summary>The test network, changed by <paramref name="sets"/>, with a selector made for its simulation and every cloudlet scheduling by <paramref name="schedule"/>; not yet run.</summary>
    internal static (Simulation Env, Edge.Network.NetworkOfSites Network, ExperimentSpec Spec) Build(Func<Simulation, INetworkSelector> selector, string schedule, params string[] sets)
    {
        var spec = Read(Network, sets);
        var scenario = (NetworkOfSitesScenario)spec.Points[0].Scenario;
        var streams = new RandomStreams(5);
        var env = new Simulation();
        var network = new Edge.Network.NetworkOfSites(env, scenario.World, scenario.Sites, scenario.Catalog(streams.Stream("network:catalog")), selector(env), scenario.Penalty,
            (_, cell) => StrategyRegistry.BuiltIn.Create(schedule, new Dictionary<string, string>(), cell.Stream($"strategy:{schedule}")).Scheduler, streams, spec.Length.WarmupSeconds);
        return (env, network, spec);
    }

    [Fact]
    public void One_cloudlet_holding_everything_is_the_lone_site_exactly()
    {
        // One cloudlet holds every model from the start (the placement puts each at 1 of 1 cloudlets) on a disk
        // big enough: nothing is pulled, and each request joins the site's queue in its arrival's step.
        var site = Read(LoneSite);
        string schedules = string.Join(", ", site.Strategies.Select(s => $"{{select: requested, schedule: {s.Name}}}"));
        var network = Read(Network, "scenario.network.cloudlets=1", "scenario.cloudlet.storage=100 GB", $"strategies=[{schedules}]");
        Assert.Equal(site.Strategies.Count, network.Strategies.Count);
        int compared = SiteSet.Metrics.Count;
        for (int s = 0; s < site.Strategies.Count; s++)
            for (int rep = 0; rep < 2; rep++)
            {
                var expected = Runner.RunCell(site, new Cell(0, s, rep));
                var actual = Runner.RunCell(network, new Cell(0, s, rep));
                Assert.True(expected.Values["arrived"] > 300, "the lone site saw too few requests to compare");
                for (int i = 0; i < compared; i++)
                    Assert.True(expected.Values[i].Equals(actual.Values[i]), $"{site.Strategies[s].Label}, replication {rep}: {SiteSet.Metrics.Names[i]} is {actual.Values[i]}, the lone site's {expected.Values[i]}");
                Assert.Equal(0, actual.Values[network.Metrics.Index("bytes_network")]);
                Assert.Equal(0, actual.Values[network.Metrics.Index("pull_mean")]);
                Assert.Equal(0, actual.Values[network.Metrics.Index("selection_wait_mean")]);
            }
    }

    [Fact]
    public void Every_request_has_one_outcome_and_bytes_entering_a_tier_left_the_one_above()
    {
        var selectors = new[] { "requested", "mec-nonshare", "ready-first", "mec-appro", "mec-egreedy" };
        var schedules = new[] { "pl-dp", "no-sharing", "fcfs" };
        Gen.Select(Gen.Int[1, 4], Gen.Int[0, selectors.Length - 1], Gen.Int[0, schedules.Length - 1], Gen.Int[0, 1], Gen.Int[2, 12], Gen.Int[0, 1000], Gen.Bool).Sample((cloudlets, sel, sch, windowed, storageHundredMb, seed, join) =>
        {
            var spec = Read(Network, $"scenario.network.cloudlets={cloudlets}", $"strategies=[{{select: {selectors[sel]}, schedule: {schedules[sch]}}}]",
                $"scenario.network.window={(windowed == 1 ? "0.5 s" : "0 s")}", $"scenario.cloudlet.storage={storageHundredMb * 100} MB", "horizon=20 s", "warmup=0 s",
                $"seed={seed}", "scenario.cloudlet.site.ram.capacity=300 MB", $"scenario.network.inflight={(join ? "join" : "pull-again")}");
            var scenario = (NetworkOfSitesScenario)spec.Points[0].Scenario;
            var (env, network) = scenario.Build(spec.Strategies[0], new RandomStreams((ulong)seed), spec.Length);
            var outcomes = new Dictionary<long, int>();
            foreach (var site in network.Sites.Sites) site.Ended += (r, _, _) => outcomes[r.Id] = outcomes.GetValueOrDefault(r.Id) + 1;
            network.Pipeline.RequestUnplaced += r => outcomes[r.Id] = outcomes.GetValueOrDefault(r.Id) + 1;
            env.RunD(spec.Length.HorizonSeconds);

            Assert.All(outcomes, o => Assert.Equal(1, o.Value));
            long inFlight = network.Undecided + network.Pipeline.AwaitingParts + network.Sites.Queued + network.Sites.InService;
            Assert.Equal(network.Pipeline.Arrived, outcomes.Count + inFlight);
            // The level a time series draws as in_network is the same count, kept as requests come and go.
            Assert.Equal(inFlight, network.Pipeline.InSystem);
            Assert.True(network.Pipeline.Arrived > 20, $"only {network.Pipeline.Arrived} requests");

            // Network -> disk: every landed pull was written to its cloudlet's disk; nothing landed that was not sent.
            var fetched = network.Fetch.Measures;
            Assert.Equal(fetched.BytesLanded, network.Network.Stores.Sum(s => s.BytesWritten), 6);
            Assert.True(fetched.BytesLanded <= fetched.BytesSent + 1e-6);
            // Disk and RAM -> GPU: what crossed PCIe was read off the disk or found in RAM.
            var m = network.Sites.Metrics;
            Assert.Equal(m.BytesOverPcie, m.BytesFromDisk + m.RamHitBytes);
            Assert.True(m.BytesFromDisk > 0);
            // A served request's latency is its wait for the selector, its pull, and its path through the site.
            double parts = m.Selection.Mean + m.Pull.Mean + m.Waiting.Mean + m.CriticalUpload.Mean + m.GpuWait.Mean + m.CriticalLoading.Mean + m.Inference.Mean + m.Downlink.Mean;
            Assert.Equal(m.Latency.Mean, parts, 1e-9 * Math.Max(1, m.Latency.Mean));
        }, iter: 12);
    }

    [Fact]
    public void Runs_are_byte_identical_on_one_thread_and_two_and_every_pair_sees_the_same_requests()
    {
        var spec = Read(Network, "horizon=20 s", "scenario.network.window=0.5 s", "scenario.network.inflight=join");
        var records = new Runner(spec, 2).Run();
        Assert.Equal(ResultWriter.RunsCsv(spec, new Runner(spec, 1).Run()), ResultWriter.RunsCsv(spec, records));
        // Common random numbers: the cells draw the same requests whichever pair serves them.
        int arrived = SiteSet.Metrics.Index("arrived");
        foreach (var g in records.GroupBy(r => r.Cell.Replication))
            Assert.Single(g.Select(r => r.Values[arrived]).Distinct());
    }

    [Fact]
    public void A_traced_run_is_the_same_run_with_its_latencies_and_levels_kept()
    {
        var spec = Read(Network, "horizon=30 s");
        var cell = new Cell(0, 0, 0);
        var trace = Runner.Trace(spec, cell);
        var record = Runner.RunCell(spec, cell);
        Assert.Equal(record.Values["on_time"] + record.Values["late"], trace.Served);
        Assert.Equal(record.Values["latency_mean"], trace.LatencyMean, 9);
        // The sites' levels, summed, and the network's: a request queued at a site or awaiting its parts is in the network.
        var inNetwork = trace.Of(NetworkMeasures.InNetwork);
        Assert.Equal(SiteMeasures.Levels.Concat(NetworkMeasures.Levels).Select(l => l.Name).Order(), trace.Levels.Keys.Order());
        Assert.True(inNetwork.Average(w => w.Mean) > 1, "requests spend time in the network");
        foreach (var part in new[] { SiteMeasures.Queue, NetworkMeasures.AwaitingParts })
        {
            var windows = trace.Of(part);
            Assert.Equal(inNetwork.Count, windows.Count);
            Assert.All(windows.Zip(inNetwork), w => Assert.True(w.First.Mean <= w.Second.Mean + 1e-9, $"{part.Name} {w.First.Mean} above in_network {w.Second.Mean} at {w.First.Start} s"));
        }
        Assert.All(trace.Of(NetworkMeasures.StoredBytes), w => Assert.True(w.Mean > 0));
    }

    [Fact]
    public void Outputs_label_each_pair_and_compare_pairs_paired()
    {
        var spec = Read(Network, "baseline=mec-nonshare+no-sharing", "horizon=30 s");
        Assert.Equal(new[] { "requested+pl-dp", "mec-nonshare+no-sharing" }, spec.Strategies.Select(s => s.Label));
        var records = new Runner(spec, 2).Run();
        var paired = ResultWriter.Paired(spec, records).Single(p => p.Metric == "throughput" && spec.Strategies[p.Strategy].Label == "requested+pl-dp").Paired;
        var byRep = records.GroupBy(r => r.Cell.Replication).Select(g => g.Single(r => r.Cell.Strategy == 0).Values[0] - g.Single(r => r.Cell.Strategy == 1).Values[0]).ToArray();
        Assert.Equal(byRep.Average(), paired.Difference.Mean, 9);
        // The warm-up check under a time series reads the cloudlets' levels together, as the figure does.
        var levels = Read(Network, "baseline=mec-nonshare+no-sharing", "horizon=30 s", "plots=[{kind: timeseries, y: queue_length}]");
        Assert.StartsWith("**Warm-up check** (queue length, all cloudlets together): ", Plots.Drawn(levels, records, levels.Plots[0]).Caption, StringComparison.Ordinal);
    }

    [Fact]
    public void The_report_contrasts_pairs_that_differ_in_one_factor()
    {
        var spec = Read(Network, "horizon=30 s", "baseline=mec-nonshare+no-sharing",
            "strategies=[{select: requested, schedule: pl-dp}, {select: requested, schedule: no-sharing}, {select: mec-nonshare, schedule: no-sharing}, {select: mec-nonshare, schedule: pl-dp}]");
        var records = new Runner(spec, 2).Run();
        double Throughput(int strategy, int rep) => records.Single(r => r.Cell.Strategy == strategy && r.Cell.Replication == rep).Values[0];
        double Gain(int strategy, int reference) => Enumerable.Range(0, 2).Average(rep => Throughput(strategy, rep) - Throughput(reference, rep));
        string report = Report.Markdown(spec, records);
        string Row(string contrast) => report.Split('\n').Single(l => l.StartsWith($"| {contrast} |", StringComparison.Ordinal));
        // requested+pl-dp differs from the baseline in both factors: one row per factor, the other held at its own value.
        Assert.Contains($"| {MetricUnit.Number(Gain(0, 1))} |", Row("schedule pl-dp against no-sharing, select requested"));
        Assert.Contains($"| {MetricUnit.Number(Gain(0, 3))} |", Row("select requested against mec-nonshare, schedule pl-dp"));
        Assert.NotEqual(Gain(0, 1), Gain(0, 3));
        // requested+no-sharing and mec-nonshare+pl-dp differ from the baseline in one factor: the paired table's.
        Assert.Equal(2, report.Split('\n').Count(l => l.StartsWith("| schedule ", StringComparison.Ordinal) || l.StartsWith("| select ", StringComparison.Ordinal)));
    }
}
