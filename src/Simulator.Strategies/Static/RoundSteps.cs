using Simulator.Edge;

namespace Simulator.Strategies;

/// <summary>
/// One static round planned a step at a time, as the site's executor runs it with plan-to-completion: each plan's
/// batches run in order, and the next decision sees what is left at the time reached, with the last model's blocks
/// resident. It ends when nothing is left, a plan plans nothing, or a plan breaks a rule (the evaluation says which).
/// <see cref="StaticRun"/> asks a scheduler through it; an outside policy steps it one batch at a time.
/// </summary>
public sealed class RoundSteps
{
    private readonly SiteView round;
    private readonly StaticProblem problem;
    private readonly List<PlannedBatch> batches = new();
    private readonly List<QueuedRequest> left;

    /// <param name="round">The round at t = 0, in the world it is planned in.</param>
    public RoundSteps(SiteView round)
    {
        this.round = round;
        problem = new StaticProblem(round);
        left = round.Queue.ToList();
        View = round;
        Done = left.Count == 0;
    }

    /// <summary>The round at t = 0, every user in it.</summary>
    public SiteView Round => round;

    /// <summary>The decision pending: what is left, at the time the batches so far end.</summary>
    public SiteView View { get; private set; }

    /// <summary>Whether the round is over.</summary>
    public bool Done { get; private set; }

    /// <summary>The users served by their deadline so far, by the independent evaluation of the batches so far.</summary>
    public int Served { get; private set; }

    /// <summary>The batches so far, in order.</summary>
    public Plan Plan => new(batches.ToArray());

    /// <summary>Runs <paramref name="plan"/>'s batches after those so far; the users it adds to those served by their deadline.</summary>
    public int Take(Plan plan)
    {
        if (Done) throw new InvalidOperationException("the round is over.");
        if (plan.Batches.Count == 0)
        {
            Done = true;
            return 0;
        }
        batches.AddRange(plan.Batches);
        var taken = plan.Batches.SelectMany(b => b.RequestIds).Concat(plan.Rejected ?? Array.Empty<long>()).ToHashSet();
        left.RemoveAll(r => taken.Contains(r.Id));
        var evaluation = PlanEvaluator.Evaluate(problem, Plan);
        if (!evaluation.Valid)
        {
            Done = true; // the caller's evaluation reports what is wrong
            return 0;
        }
        int gained = evaluation.Served - Served;
        Served = evaluation.Served;
        var last = round.Catalog.Model(batches[^1].ModelId);
        View = new SiteView(evaluation.Completions[^1], left.ToArray(), round.Catalog.BlockSet(last), round.InRam, round.Catalog, round.Loads, round.Spec);
        Done = left.Count == 0;
        return gained;
    }
}
