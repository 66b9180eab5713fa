using Simulator.Edge.Network;
using Simulator.Strategies.Network;

namespace Simulator.Experiments.Tests;

/// <summary>
/// What the fetch of a network of sites measures, against what the selector saw at each decision and what the sites
/// saw arrive: part lookups and hits, bytes by source, the pulls' seconds and each request's wait for its parts, of
/// the measured requests only.
/// </summary>
public class FetchMeasuresTests
{
    /// <summary>Counts, for the requests the wrapped selector places, what the fetch should count of each part at the decision.</summary>
    private sealed class Expect(INetworkSelector inner, Kernel.Simulation env, double warmup, double horizon) : INetworkSelector
    {
        public long Lookups, Hits, Pulls, WarmupLookups, WarmupPulls;
        public double FromDataCentre, FromCloudlets, PullSeconds;

        public NetworkPlan Select(NetworkView view)
        {
            var plan = inner.Select(view);
            var instance = view.Instance;
            var topology = instance.Topology;
            for (int j = 0; j < instance.Requests.Count; j++)
            {
                if (plan.Assignments[j] is not { } a) continue;
                var r = instance.Requests[j];
                bool counted = r.Arrival >= warmup;
                foreach (var (blocks, source, bytes) in new[] { (instance.Parts.BaseOf(a.Model), a.BaseSource, instance.Parts.BaseBytesOf(a.Model)), (instance.Parts.TaskOf(a.Model), a.TaskSource, instance.Parts.TaskBytesOf(a.Model)) })
                {
                    if (blocks.Count == 0) continue;
                    if (!counted) WarmupLookups++;
                    else Lookups++;
                    // The decision's pulls start at once; no store changes within it.
                    if (instance.Holds(r.Home, blocks.ToArray()))
                    {
                        if (counted) Hits++;
                        continue;
                    }
                    if (!counted)
                    {
                        WarmupPulls++;
                        continue;
                    }
                    if (source == topology.DataCentre) FromDataCentre += bytes;
                    else FromCloudlets += bytes;
                    // Without contention a pull takes its path's time; one landing at the horizon or later is not measured.
                    double seconds = topology.TransferSeconds(source, r.Home, bytes);
                    if (env.NowD + seconds >= horizon) continue;
                    Pulls++;
                    PullSeconds += seconds;
                }
            }
            return plan;
        }
    }

    [Fact]
    public void The_fetch_counts_what_the_decisions_looked_up_and_pulled_for_measured_requests_only()
    {
        const double warmup = 10, horizon = 30;
        Expect? expect = null;
        var (env, network, _) = SiteNetworkTests.Build(env => expect = new Expect(new MecNonShare(), env, warmup, horizon), "pl-dp",
            $"horizon={horizon} s", $"warmup={warmup} s", "scenario.network.contention=none", "scenario.network.window=0.5 s", "scenario.network.inflight=pull-again",
            "scenario.cloudlet.storage=600 MB");
        var waits = new List<double>();
        foreach (var site in network.Sites.Sites)
            site.RequestArrived += r =>
            {
                if (r.Arrival >= warmup) waits.Add(r.Admitted - r.Decided);
            };
        env.RunD(horizon);

        var f = network.Fetch.Measures;
        // The check has teeth: warm-up requests looked up and pulled parts, measured ones found some at home and pulled others from both kinds of source.
        Assert.True(expect!.WarmupLookups > 50 && expect.WarmupPulls > 10, $"{expect.WarmupLookups} lookups and {expect.WarmupPulls} pulls in the warm-up");
        Assert.True(expect.Hits > 50 && expect.Lookups - expect.Hits > 10, $"{expect.Hits} hits of {expect.Lookups} lookups");
        Assert.True(expect.FromDataCentre > 0 && expect.FromCloudlets > 0, $"{expect.FromDataCentre} bytes from the data centre, {expect.FromCloudlets} from cloudlets");
        Assert.Equal(expect.Lookups, f.PartLookups);
        Assert.Equal(expect.Hits, f.PartHits);
        Assert.Equal(expect.FromDataCentre, f.BytesFromDataCentre, 1e-6);
        Assert.Equal(expect.FromCloudlets, f.BytesFromCloudlets, 1e-6);
        // The clock truncates each pull's time to its 100 ns ticks.
        Assert.InRange(expect.PullSeconds - f.PullSeconds, 0, 1e-7 * expect.Pulls);

        // Each measured request's wait for its parts runs from its window's decision, not its arrival, to its admission.
        Assert.True(waits.Count > 100, $"only {waits.Count} measured requests reached their sites");
        Assert.Equal(waits.Count, f.Pull.Count);
        Assert.Equal(waits.Average(), f.Pull.Mean, 1e-9);
    }
}
