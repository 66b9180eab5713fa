using Simulator.Edge.Network;
using Simulator.Strategies.Network;

namespace Simulator.Experiments.Tests;

/// <summary><c>ready-first</c> reads the sites: when a qualifying model is on the home's GPU and disk, that is what it takes.</summary>
public class ReadyFirstTests
{
    /// <summary>Checks every decision of the selector it wraps against what the view shows of the sites.</summary>
    private sealed class Watch(INetworkSelector inner) : INetworkSelector
    {
        public int Decisions, WithResidentChoice, TookResident;

        public NetworkPlan Select(NetworkView view)
        {
            var plan = inner.Select(view);
            var instance = view.Instance;
            for (int j = 0; j < instance.Requests.Count; j++)
            {
                if (plan.Assignments[j] is not { } a) continue;
                Decisions++;
                var r = instance.Requests[j];
                // Ready at once: every byte on the GPU (by the resident bytes, not the load estimate) and both parts on the disk.
                bool Ready(int k) => instance.Sites!.GpuShare(r.Home, k) == 1 && instance.Holds(r.Home, instance.Parts.BaseOf(k).ToArray()) && instance.Holds(r.Home, instance.Parts.TaskOf(k).ToArray());
                if (!Enumerable.Range(0, instance.Parts.Count).Any(k => view.Estimates.Admissible(j, k) && Ready(k))) continue;
                WithResidentChoice++;
                if (Ready(a.Model)) TookResident++;
            }
            return plan;
        }
    }

    private static Watch Run(INetworkSelector selector)
    {
        var watch = new Watch(selector);
        var (env, _, spec) = SiteNetworkTests.Build(_ => watch, "pl-dp", "horizon=40 s", "warmup=0 s", "scenario.network.capacity=per-request", "scenario.network.window=0.5 s",
            "scenario.requests.accuracy_requirement={min: 0.5, max: 0.7}");
        env.RunD(spec.Length.HorizonSeconds);
        return watch;
    }

    [Fact]
    public void It_takes_a_model_ready_on_the_gpu_whenever_one_qualifies_and_the_accuracy_first_selector_does_not()
    {
        var ready = Run(new ReadyFirst());
        Assert.True(ready.WithResidentChoice > 100, $"only {ready.WithResidentChoice} of {ready.Decisions} decisions had a qualifying model on the GPU");
        Assert.Equal(ready.WithResidentChoice, ready.TookResident);
        // The check has teeth: the most accurate model is often another one.
        var accurate = Run(new MecNonShare());
        Assert.True(accurate.TookResident < 0.8 * accurate.WithResidentChoice, $"mec-nonshare took the resident model {accurate.TookResident} times of {accurate.WithResidentChoice}");
    }
}
