using Simulator.Edge.Network;
using Simulator.Strategies.Network;

namespace Simulator.Strategies.Tests.Network;

public class NetworkEvaluatorTests
{
    [Fact]
    public void A_source_outside_the_network_is_a_fault_named_with_the_networks_nodes_not_a_crash()
    {
        for (int seed = 0; seed < 20; seed++)
        {
            var instance = TinyNetworks.Random(new Random(seed)).Instance;
            int dc = instance.Topology.DataCentre, n = instance.Requests.Count;
            foreach (var (baseSource, taskSource, bad) in new[] { (-5, dc, -5), (dc, dc + 1, dc + 1), (int.MaxValue, 0, int.MaxValue) })
            {
                var plan = new NetworkPlan(Enumerable.Range(0, n).Select(_ => (Assignment?)new Assignment(0, baseSource, taskSource)).ToArray());
                var e = NetworkEvaluator.Evaluate(instance, plan);
                Assert.False(e.WellFormed);
                Assert.Equal(n, e.Faults.Count(f => f.Contains($"location {bad} is not in the network (cloudlets 0 to {dc - 1}, the data centre {dc})", StringComparison.Ordinal)));
                // A request with a fault is not scored as served.
                Assert.Empty(e.Served);
            }
        }
    }
}
