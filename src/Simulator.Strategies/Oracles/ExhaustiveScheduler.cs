using Simulator.Edge;

namespace Simulator.Strategies;

/// <summary>
/// `exhaustive`: the exact optimum of the static problem by search over ordered batch sequences, for small
/// queues (at most <see cref="MaxUsers"/> requests). A node is (users served, model of the last batch) at a
/// time; any subset of a model's unserved users may form the next batch, so models may repeat and users
/// may be skipped. Two rules keep it exact and fast: a node reached again no earlier than before is
/// dominated (the future depends on the node and the time only, and later is never better); and a branch
/// whose served count plus every unserved user still able to make its deadline cannot beat the best plan
/// is cut. It uses none of the DP's facts, which is what makes it the DP's oracle.
/// </summary>
[Strategy("exhaustive", "The exact optimum of the static round by search; at most 12 queued requests.", MaxQueued = MaxUsers)]
public sealed class ExhaustiveScheduler : IBatchScheduler
{
    public const int MaxUsers = 12;

    public Plan Plan(SiteView view) => Solve(new StaticProblem(view)).Plan;

    public static (Plan Plan, int Served) Solve(StaticProblem problem)
    {
        int k = problem.Users.Count;
        if (k > MaxUsers) throw new InvalidOperationException($"exhaustive handles at most {MaxUsers} queued requests, not {k}.");
        var models = problem.Users.Select(u => u.ModelId).Distinct().Select(problem.Catalog.Model).ToArray();
        var usersOf = models.Select(m => Enumerable.Range(0, k).Where(i => problem.Users[i].ModelId == m.Id).ToArray()).ToArray();
        var search = new Search(problem, models, usersOf);
        search.Visit(0, -1, problem.Now, new List<(int Model, int Mask)>());
        var plan = new Plan(search.BestPlan.Select(b => new PlannedBatch(models[b.Model].Id, Members(b.Mask).Select(i => problem.Users[i].Id).ToArray())).ToArray());
        return (plan, search.BestServed);
    }

    private static IEnumerable<int> Members(int mask)
    {
        for (int i = 0; mask != 0; i++, mask >>= 1)
            if ((mask & 1) != 0) yield return i;
    }

    private sealed class Search(StaticProblem problem, Model[] models, int[][] usersOf)
    {
        private readonly Dictionary<(int Served, int Last), double> earliest = new();

        public int BestServed { get; private set; } = -1;

        public List<(int Model, int Mask)> BestPlan { get; private set; } = new();

        public void Visit(int served, int last, double t, List<(int Model, int Mask)> path)
        {
            int count = System.Numerics.BitOperations.PopCount((uint)served);
            if (count > BestServed)
            {
                BestServed = count;
                BestPlan = new List<(int, int)>(path);
            }
            if (earliest.TryGetValue((served, last), out double seen) && seen <= t) return;
            earliest[(served, last)] = t;
            int reachable = count;
            for (int i = 0; i < problem.Users.Count; i++)
                if ((served >> i & 1) == 0 && problem.Users[i].Deadline >= t) reachable++;
            if (reachable <= BestServed) return;

            for (int m = 0; m < models.Length; m++)
            {
                var open = usersOf[m].Where(i => (served >> i & 1) == 0).ToArray();
                int cap = problem.View.MaxBatchSize(models[m]);
                for (int pick = 1; pick < 1 << open.Length; pick++)
                {
                    var batch = Enumerable.Range(0, open.Length).Where(b => (pick >> b & 1) != 0).Select(b => open[b]).ToArray();
                    if (batch.Length > cap) continue;
                    double end = t + problem.BatchSeconds(models[m], last < 0 ? null : models[last], batch);
                    if (batch.Any(i => problem.Users[i].Deadline < end)) continue;
                    int mask = batch.Aggregate(0, (acc, i) => acc | 1 << i);
                    path.Add((m, mask));
                    Visit(served | mask, m, end, path);
                    path.RemoveAt(path.Count - 1);
                }
            }
        }
    }
}
