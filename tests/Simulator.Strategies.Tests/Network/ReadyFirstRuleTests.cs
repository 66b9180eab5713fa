using Simulator.Edge.Network;
using Simulator.Strategies.Network;

namespace Simulator.Strategies.Tests.Network;

public class ReadyFirstRuleTests
{
    [Fact]
    public void Each_request_gets_its_quickest_admissible_model_and_on_a_tie_the_more_accurate()
    {
        // Under the per-request row every admissible model fits, so the rule alone decides: without sites a model is
        // ready when its parts arrive from their nearest holders, and the more accurate of two equally ready models wins.
        var rng = new Random(31);
        int ties = 0, unplaced = 0;
        for (int i = 0; i < 400; i++)
        {
            var view = TinyNetworks.Random(rng, CapacityRule.PerRequest);
            var instance = view.Instance;
            var est = view.Estimates;
            var plan = new ReadyFirst().Select(view);
            for (int j = 0; j < instance.Requests.Count; j++)
            {
                var accuracy = instance.Requests[j].Accuracy;
                var admissible = Enumerable.Range(0, instance.Parts.Count).Where(k => est.Admissible(j, k)).ToArray();
                var chosen = plan.Assignments[j];
                if (admissible.Length == 0)
                {
                    Assert.Null(chosen);
                    unplaced++;
                    continue;
                }
                Assert.NotNull(chosen);
                double Ready(int k) => est.NearestTerms(j, k).Pull;
                double soonest = admissible.Min(Ready);
                var quickest = admissible.Where(k => Ready(k) == soonest).ToArray();
                if (quickest.Length > 1 && quickest.Select(k => accuracy[k]).Distinct().Count() > 1) ties++;
                int expected = quickest.OrderByDescending(k => accuracy[k]).ThenBy(k => k).First();
                Assert.True(chosen.Value.Model == expected, $"window {i}, request {j}: ready-first took {chosen.Value.Model} (ready {Ready(chosen.Value.Model)}, accuracy {accuracy[chosen.Value.Model]}), the rule {expected} (ready {soonest}, accuracy {accuracy[expected]})");
            }
        }
        Assert.True(ties > 50, $"only {ties} requests with equally ready models of different accuracy");
        Assert.True(unplaced > 0, "no request without an admissible model");
    }
}
