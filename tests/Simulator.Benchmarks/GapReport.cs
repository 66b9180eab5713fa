using Simulator.Edge;
using Simulator.Strategies;

namespace Simulator.Benchmarks;

/// <summary>
/// The gaps of pl-dp and pl-greedy to the exhaustive optimum on random static rounds (measured,
/// not asserted), printed as the Markdown table the README carries.
/// </summary>
public static class GapReport
{
    public static void Print(int instances = 400)
    {
        Console.WriteLine("| timeline | deadlines | instances | strategy | equal to optimum | mean gap | worst gap |");
        Console.WriteLine("|---|---|---|---|---|---|---|");
        foreach (var timeline in new[] { Timeline.Sequential, Timeline.Overlap })
            foreach (bool common in new[] { true, false })
            {
                var rng = new Random(31 + (int)timeline * 2 + (common ? 0 : 1));
                var gaps = new Dictionary<string, List<double>> { ["pl-dp"] = new(), ["pl-greedy"] = new() };
                int counted = 0;
                for (int i = 0; i < instances; i++)
                {
                    var catalog = RandomInstances.BackboneSharing(rng);
                    var view = RandomInstances.View(rng, catalog, rng.Next(1, 9), timeline, common, withResident: i % 2 == 0);
                    var problem = new StaticProblem(view);
                    int optimum = ExhaustiveScheduler.Solve(problem).Served;
                    if (optimum == 0) continue;
                    counted++;
                    gaps["pl-dp"].Add((optimum - PlanEvaluator.Evaluate(problem, new PartialLoadingDp().Plan(view)).Served) / (double)optimum);
                    gaps["pl-greedy"].Add((optimum - PlanEvaluator.Evaluate(problem, new PartialLoadingGreedy().Plan(view)).Served) / (double)optimum);
                }
                foreach (var (name, g) in gaps)
                    Console.WriteLine($"| {timeline.ToString().ToLowerInvariant()} | {(common ? "common" : "per-user")} | {counted} | {name} | {g.Count(x => x == 0) * 100.0 / g.Count:F1} % | {g.Average() * 100:F2} % | {g.Max() * 100:F1} % |");
            }
    }

    /// <summary>CP-SAT on ten 20-user rounds (up to 6 models, half with a common deadline): time to prove the optimum, and the heuristics' values.</summary>
    public static void CpSat20()
    {
        var rng = new Random(20);
        Console.WriteLine("| round | timeline | deadlines | optimum | proven | seconds | pl-dp | pl-greedy |");
        Console.WriteLine("|---|---|---|---|---|---|---|---|");
        for (int i = 0; i < 10; i++)
        {
            var catalog = RandomInstances.BackboneSharing(rng, maxModels: 6);
            var timeline = i % 2 == 0 ? Timeline.Sequential : Timeline.Overlap;
            bool common = i % 4 < 2;
            var view = RandomInstances.View(rng, catalog, 20, timeline, common, withResident: true);
            var problem = new StaticProblem(view);
            var r = CpSatScheduler.Solve(problem, timeLimitSeconds: 10, workers: 2, deterministic: false);
            int dp = PlanEvaluator.Evaluate(problem, new PartialLoadingDp().Plan(view)).Served;
            int greedy = PlanEvaluator.Evaluate(problem, new PartialLoadingGreedy().Plan(view)).Served;
            Console.WriteLine($"| {i} | {timeline.ToString().ToLowerInvariant()} | {(common ? "common" : "per-user")} | {r.Value} | {(r.Optimal ? "yes" : $"no (bound {r.Bound})")} | {r.WallSeconds:F2} | {dp} | {greedy} |");
        }
    }
}
