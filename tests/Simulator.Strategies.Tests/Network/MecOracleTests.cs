using Simulator.Edge.Network;
using Simulator.Strategies.Network;

namespace Simulator.Strategies.Tests.Network;

public class MecOracleTests
{
    /// <summary>
    /// Every joint choice of models (or none) for the whole window, and for each request every pair of (base,
    /// task) locations that hold the parts under the source rule; given the models, a request's sources touch no
    /// one else's terms, so its best feasible pair is taken. Under the per-request rule a request stays unplaced
    /// only when nothing can serve it. Scored by the evaluator: most placed first, then least total delay.
    /// </summary>
    private static (int Placed, double Delay) BruteForce(NetworkInstance instance)
    {
        int n = instance.Requests.Count, k = instance.Catalog.Models.Count, dc = instance.Topology.DataCentre;
        bool pooled = instance.Rules.Capacity.Pooled();
        int options = k + 1;
        var best = (Placed: -1, Delay: double.PositiveInfinity);
        var choice = new int[n];
        var servable = Enumerable.Range(0, n).Select(j => CanServe(instance, j)).ToArray();
        long combos = (long)Math.Pow(options, n);
        for (long c = 0; c < combos; c++)
        {
            long rest = c;
            for (int j = 0; j < n; j++) { choice[j] = (int)(rest % options); rest /= options; }
            if (!pooled && Enumerable.Range(0, n).Any(j => choice[j] == k && servable[j])) continue;
            var assignments = new Assignment?[n];
            bool feasible = true;
            for (int j = 0; j < n && feasible; j++)
            {
                if (choice[j] == k) continue; // unplaced
                int model = choice[j];
                Assignment? bestPair = null;
                double bestDelay = double.PositiveInfinity;
                foreach (int lb in Locations(instance, model, basePart: true))
                    foreach (int lt in Locations(instance, model, basePart: false))
                    {
                        var single = new Assignment?[n];
                        single[j] = new Assignment(model, lb, lt);
                        var e = NetworkEvaluator.Evaluate(instance, new NetworkPlan(single));
                        Assert.True(e.WellFormed, string.Join("; ", e.Faults));
                        if (e.AccuracyViolations + e.BudgetViolations + e.CapacityViolations > 0) continue;
                        if (e.TotalDelay < bestDelay) (bestPair, bestDelay) = (single[j], e.TotalDelay);
                    }
                if (bestPair is null) feasible = false;
                assignments[j] = bestPair;
            }
            if (!feasible) continue;
            var all = NetworkEvaluator.Evaluate(instance, new NetworkPlan(assignments));
            if (all.CapacityViolations > 0) continue;
            int placed = all.Served.Count;
            if (placed > best.Placed || (placed == best.Placed && all.TotalDelay < best.Delay - 1e-9)) best = (placed, all.TotalDelay);
        }
        return best;
    }

    /// <summary>Whether some model and sources serve request j alone within accuracy, budget and capacity.</summary>
    private static bool CanServe(NetworkInstance instance, int j)
    {
        for (int model = 0; model < instance.Catalog.Models.Count; model++)
            foreach (int lb in Locations(instance, model, basePart: true))
                foreach (int lt in Locations(instance, model, basePart: false))
                {
                    var single = new Assignment?[instance.Requests.Count];
                    single[j] = new Assignment(model, lb, lt);
                    var e = NetworkEvaluator.Evaluate(instance, new NetworkPlan(single));
                    if (e.AccuracyViolations + e.BudgetViolations + e.CapacityViolations == 0) return true;
                }
        return false;
    }

    /// <summary>Where a part of the model may come from: its holders among the cloudlets, the data centre when the rule allows it or none holds it.</summary>
    private static IEnumerable<int> Locations(NetworkInstance instance, int model, bool basePart)
    {
        var catalog = instance.Catalog;
        var m = catalog.Models[model];
        var blocks = m.BlockIds.Where(b => catalog.Models.Count(o => o.BlockIds.Contains(b)) > 1 == basePart).ToArray();
        int home = -1; // a part with no blocks is at home already: any location gives 0, the home is enough
        if (blocks.Length == 0) { yield return home == -1 ? 0 : home; yield break; }
        var holders = Enumerable.Range(0, instance.Topology.Cloudlets).Where(l => blocks.All(instance.Holdings[l].Contains)).ToList();
        if (holders.Count == 0 || instance.Rules.Sources == SourceRule.All) holders.Add(instance.Topology.DataCentre);
        foreach (int l in holders) yield return l;
    }

    private static (int Placed, double Delay) Score(NetworkInstance instance, NetworkPlan plan)
    {
        var e = NetworkEvaluator.Evaluate(instance, plan);
        Assert.True(e.WellFormed, string.Join("; ", e.Faults));
        Assert.Equal(0, e.AccuracyViolations);
        Assert.Equal(0, e.CapacityViolations);
        return (e.Served.Count, e.TotalDelay);
    }

    /// <summary>mec-ilp's optimum of window <paramref name="i"/>, decomposed, checked against the brute force and the full ILP.</summary>
    private static (int Placed, double Delay) CheckedOptimum(NetworkView view, int i)
    {
        var instance = view.Instance;
        var expected = BruteForce(instance);
        var decomposed = Score(instance, new MecIlp().Select(view));
        var full = Score(instance, new MecIlp(IlpFormulation.Full).Select(view));
        Assert.True(expected.Placed == decomposed.Placed, $"instance {i}: brute force places {expected.Placed}, mec-ilp {decomposed.Placed}");
        Assert.True(Math.Abs(expected.Delay - decomposed.Delay) <= 1e-7 * Math.Max(1, expected.Delay), $"instance {i}: brute force {expected.Delay}, mec-ilp {decomposed.Delay}");
        Assert.Equal(decomposed.Placed, full.Placed);
        Assert.True(Math.Abs(full.Delay - decomposed.Delay) <= 1e-6 * Math.Max(1, full.Delay), $"instance {i}: full ILP {full.Delay}, decomposed {decomposed.Delay}");
        return decomposed;
    }

    [Fact]
    public void Mec_ilp_equals_brute_force_and_the_full_ilp_on_240_tiny_instances()
    {
        var rng = new Random(20251201);
        int aggregated = 0, withUnplaced = 0, filtered = 0;
        for (int i = 0; i < 240; i++)
        {
            var view = TinyNetworks.Random(rng, alphaMax: i % 3 == 0 ? 3 : 1);
            var instance = view.Instance;
            var decomposed = CheckedOptimum(view, i);
            if (instance.Rules.Capacity == CapacityRule.Aggregated) aggregated++;
            if (decomposed.Placed < instance.Requests.Count) withUnplaced++;
            var est = view.Estimates;
            if (Enumerable.Range(0, instance.Requests.Count).Any(j => Enumerable.Range(0, instance.Parts.Count).Any(k => !est.Admissible(j, k)))) filtered++;
        }
        // The instances exercise what they claim to: both capacity rules, windows that cannot place everyone, removed pairs.
        Assert.InRange(aggregated, 80, 160);
        Assert.True(withUnplaced >= 10, $"only {withUnplaced} windows leave a request unplaced");
        Assert.True(filtered >= 60, $"only {filtered} windows remove a pair");
    }

    /// <summary>
    /// Tiny windows under the part store: every other one with alpha up to 4 (models that fit alone or not at all), the
    /// rest with alpha up to 1.5 in 10 to 25 GB, where one model fits and two of different families often do not.
    /// </summary>
    private static NetworkView Store(Random rng, int i, CapacityRule rule = CapacityRule.Store) => i % 2 == 0
        ? TinyNetworks.Random(rng, rule, alphaMax: 4)
        : TinyNetworks.Random(rng, rule, alphaMax: 1, maxCloudlets: 1, capacityGB: new Interval(8, 16));

    /// <summary>
    /// The part store: the evaluator counts each block a cloudlet's requests take once, and the brute force keeps the
    /// joint choices it passes. The same windows drawn under the aggregated rule (the same draws: only the rule differs)
    /// count each request's model whole, so every plan they take fits the store as well.
    /// </summary>
    [Fact]
    public void Under_the_part_store_mec_ilp_equals_brute_force_and_the_full_ilp_and_places_at_least_the_aggregated_optimum()
    {
        var rng = new Random(20261207);
        int more = 0, binds = 0, together = 0;
        for (int i = 0; i < 600; i++)
        {
            int seed = rng.Next();
            var view = Store(new Random(seed), i);
            var instance = view.Instance;
            var decomposed = CheckedOptimum(view, i);

            var aggregatedView = Store(new Random(seed), i, CapacityRule.Aggregated);
            var aggregated = Score(aggregatedView.Instance, new MecIlp().Select(aggregatedView));
            Assert.True(decomposed.Placed >= aggregated.Placed, $"instance {i}: the store places {decomposed.Placed}, aggregated {aggregated.Placed}");
            if (decomposed.Placed == aggregated.Placed)
                Assert.True(decomposed.Delay <= aggregated.Delay * (1 + 1e-9) + 1e-9, $"instance {i}: the store's {decomposed.Delay} above aggregated {aggregated.Delay}");
            else more++;
            // The store binds where it gives up what each request alone could take (the per-request rule's optimum).
            var aloneView = Store(new Random(seed), i, CapacityRule.PerRequest);
            var alone = Score(aloneView.Instance, new MecIlp().Select(aloneView));
            if (decomposed.Placed < alone.Placed || decomposed.Delay > alone.Delay * (1 + 1e-9) + 1e-9) binds++;
            if (instance.Requests.GroupBy(r => r.Home).Any(g => g.Count() > 1)) together++;
        }
        // The windows exercise what they claim to: a store that binds, and one that places more than counting each model whole.
        Assert.True(more >= 100, $"only {more} windows place more under the store");
        Assert.True(binds >= 15, $"only {binds} windows where the store binds");
        Assert.True(together >= 300, $"only {together} windows home two requests at one cloudlet");
    }

    /// <summary>
    /// Under the part store the LP (each request's own pieces where their optimum fits every store, else the whole
    /// program) equals GLOP on the whole program, places at least what the optimum does and, placing as many, bounds its
    /// delay; mec-appro's plans keep the store's capacity.
    /// </summary>
    [Fact]
    public void Under_the_part_store_the_lp_bounds_the_optimum_and_rounding_keeps_the_capacity()
    {
        var rng = new Random(71);
        int binding = 0;
        for (int i = 0; i < 600; i++)
        {
            var view = Store(rng, i);
            var optimum = Score(view.Instance, new MecIlp().Select(view));
            var pairs = new WindowPairs(view, nearestOnly: true);
            var f = WindowLp.Solve(view, pairs, LpObjective.Delay);
            var glop = NetworkLp.Solve(view, pairs, integer: false, LpObjective.Delay);
            Assert.True(Math.Abs(f.Unplaced.Sum() - glop.Unplaced.Sum()) <= 1e-9, $"instance {i}: unplaced {f.Unplaced.Sum()} against GLOP's {glop.Unplaced.Sum()}");
            Assert.True(Math.Abs(f.Objective - glop.Objective) <= 1e-9 * Math.Max(1, Math.Abs(glop.Objective)), $"instance {i}: LP {f.Objective} against GLOP's {glop.Objective}");
            var free = WindowLp.Pieces(view, pairs, LpObjective.Delay, aggregated: false);
            if (glop.Unplaced.Sum() > free.Unplaced.Sum() + 1e-9 || glop.Objective > free.Objective * (1 + 1e-9) + 1e-9) binding++;
            double placed = f.Unplaced.Length - f.Unplaced.Sum();
            Assert.True(placed >= optimum.Placed - 1e-9, $"instance {i}: the LP places {placed}, the optimum {optimum.Placed}");
            if (placed <= optimum.Placed + 1e-9)
                Assert.True(f.Objective <= optimum.Delay * (1 + 1e-9) + 1e-9, $"instance {i}: LP {f.Objective} above the optimum {optimum.Delay}");
            foreach (var h in new INetworkSelector[] { new MecAppro(new Random(i)), new MecAppro(new Random(i), draws: 5), new MecNonShare(), new ReadyFirst() })
            {
                var value = Score(view.Instance, h.Select(view)); // asserts no capacity violation
                Assert.True(value.Placed <= optimum.Placed, $"instance {i}: {h.GetType().Name} places {value.Placed}, the optimum {optimum.Placed}");
            }
        }
        // Both ways are taken: windows whose stores bind the LP (the whole program), and windows they do not (the pieces).
        Assert.InRange(binding, 12, 590);
    }

    [Fact]
    public void Lp_bound_lies_below_the_optimum_which_lies_below_every_heuristic()
    {
        var rng = new Random(11);
        var heuristics = new INetworkSelector[] { new MecAppro(new Random(1)), new MecAppro(new Random(2), draws: 5), new MecAppro(new Random(3), objective: LpObjective.Bargaining), new MecNonShare(), new MecCloud() };
        for (int i = 0; i < 200; i++)
        {
            var view = TinyNetworks.Random(rng, CapacityRule.PerRequest);
            var optimum = Score(view.Instance, new MecIlp().Select(view));
            var bound = new MecLp().Select(view).Relaxation!;
            Assert.True(bound.Bound <= optimum.Delay * (1 + 1e-9) + 1e-9, $"instance {i}: LP {bound.Bound} above the optimum {optimum.Delay}");
            Assert.True(bound.PlottedDelay >= bound.Bound - 1e-6, $"instance {i}: the plotted quantity {bound.PlottedDelay} lies below the bound {bound.Bound}");
            foreach (var h in heuristics)
            {
                // Baselines that ignore sharing may find fewer pairs within budget; none places more than the optimum.
                var value = Score(view.Instance, h.Select(view));
                Assert.True(value.Placed <= optimum.Placed, $"instance {i}: {h.GetType().Name} places {value.Placed}, the optimum {optimum.Placed}");
                if (value.Placed == optimum.Placed)
                    Assert.True(optimum.Delay <= value.Delay * (1 + 1e-9), $"instance {i}: {h.GetType().Name} {value.Delay} below the optimum {optimum.Delay}");
            }
        }
    }

    [Fact]
    public void A_plan_that_breaks_its_windows_constraints_is_well_formed_but_never_valid()
    {
        var rng = new Random(15);
        int broken = 0;
        for (int i = 0; i < 200 && broken < 30; i++)
        {
            var view = TinyNetworks.Random(rng);
            var instance = view.Instance;
            int dc = instance.Topology.DataCentre;
            for (int j = 0; j < instance.Requests.Count; j++)
                for (int k = 0; k < instance.Parts.Count; k++)
                {
                    var plan = new Assignment?[instance.Requests.Count];
                    plan[j] = new Assignment(k, dc, dc);
                    var e = NetworkEvaluator.Evaluate(instance, new NetworkPlan(plan));
                    Assert.True(e.WellFormed, string.Join("; ", e.Faults));
                    bool breaks = e.AccuracyViolations + e.BudgetViolations + e.CapacityViolations > 0;
                    Assert.Equal(!breaks, e.Valid);
                    if (breaks) broken++;
                }
        }
        Assert.True(broken >= 30, $"only {broken} single-request plans break a constraint");
    }

    [Fact]
    public void The_most_accurate_baselines_keep_every_budget_in_the_plan_they_execute()
    {
        // mec-cloud pulls both parts from the data centre, farther than the nearest holders its admissibility
        // costs: the windows below include pairs admissible at the nearest holders yet over budget from the data centre.
        var rng = new Random(14);
        int biting = 0;
        for (int i = 0; i < 300; i++)
        {
            var view = TinyNetworks.Random(rng);
            var instance = view.Instance;
            int dc = instance.Topology.DataCentre;
            var est = view.Estimates;
            if (Enumerable.Range(0, instance.Requests.Count).Any(j => Enumerable.Range(0, instance.Parts.Count)
                    .Any(k => est.Admissible(j, k, sharing: false) && est.Terms(j, new Assignment(k, dc, dc)).Cost > instance.Requests[j].Budget)))
                biting++;
            foreach (var selector in new INetworkSelector[] { new MecCloud(), new MecNonShare() })
            {
                var e = NetworkEvaluator.Evaluate(instance, selector.Select(view));
                Assert.True(e.Valid, $"instance {i}, {selector.GetType().Name}: {e.BudgetViolations} over budget, {e.AccuracyViolations} under accuracy, {e.CapacityViolations} over capacity; {string.Join("; ", e.Faults)}");
                Assert.Equal(0, e.BudgetViolations);
            }
        }
        Assert.True(biting >= 20, $"only {biting} windows have a pair admissible at the nearest holders and over budget from the data centre");
    }

    [Fact]
    public void Rounding_keeps_its_expected_delay_within_twice_the_lp()
    {
        // On each instance, the mean over 400 roundings; its 99 % upper confidence limit must lie below 2 LP.
        var rng = new Random(12);
        int checkedInstances = 0;
        double worstRatio = 0;
        for (int i = 0; i < 40; i++)
        {
            var view = TinyNetworks.Random(rng, CapacityRule.PerRequest, SourceRule.All);
            double lp = new MecLp().Select(view).Relaxation!.Bound;
            var appro = new MecAppro(new Random(i));
            var delays = Enumerable.Range(0, 400).Select(_ => NetworkEvaluator.Evaluate(view.Instance, appro.Select(view)).TotalDelay).ToArray();
            double mean = delays.Average(), sd = Math.Sqrt(delays.Select(d => (d - mean) * (d - mean)).Sum() / (delays.Length - 1));
            double upper = mean + 2.576 * sd / Math.Sqrt(delays.Length);
            Assert.True(upper <= 2 * lp, $"instance {i}: mean rounded delay {mean} (upper {upper}) against 2 LP = {2 * lp}");
            if (lp > 0) worstRatio = Math.Max(worstRatio, mean / lp);
            checkedInstances++;
        }
        Assert.Equal(40, checkedInstances);
        Assert.True(worstRatio >= 1 - 1e-9, $"the rounding's mean cannot lie below the LP, and did: {worstRatio}");
    }

    [Fact]
    public void The_lp_keeps_its_value_when_each_part_keeps_only_its_nearest_holders()
    {
        var rng = new Random(13);
        for (int i = 0; i < 150; i++)
        {
            var view = TinyNetworks.Random(rng);
            foreach (var objective in new[] { LpObjective.Delay, LpObjective.Bargaining })
            {
                var all = NetworkLp.Solve(view, new WindowPairs(view), integer: false, objective).Objective;
                var nearest = NetworkLp.Solve(view, new WindowPairs(view, nearestOnly: true), integer: false, objective).Objective;
                Assert.True(Math.Abs(all - nearest) <= 1e-7 * Math.Max(1, Math.Abs(all)), $"instance {i}, {objective}: all sources {all}, nearest only {nearest}");
            }
        }
    }
}
