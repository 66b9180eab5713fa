namespace Simulator.Edge.Network;

/// <summary>What serves one request: the model (catalog index) and the locations its base and task part are pulled from.</summary>
/// <param name="Model">k, the model's index in the catalog.</param>
/// <param name="BaseSource">The node its base part is pulled from (a cloudlet, or the data centre); the home when already there.</param>
/// <param name="TaskSource">The node its task part is pulled from.</param>
public readonly record struct Assignment(int Model, int BaseSource, int TaskSource);

/// <summary>
/// What a relaxation found instead of a plan: its objective (a lower bound on total delay), the quantity
/// the authors' driver plots as "LP" (the summed per-pair delay at the LP's solution), and the fractional
/// means of cost and accuracy.
/// </summary>
/// <param name="Bound">The relaxation's objective: a lower bound on the window's total delay, in seconds.</param>
/// <param name="PlottedDelay">The summed per-pair delay at the relaxation's solution (reported as <c>lp_plotted_delay</c>), in seconds.</param>
/// <param name="MeanCost">The fractional solution's mean cost per request.</param>
/// <param name="MeanAccuracy">The fractional solution's mean accuracy per request.</param>
public sealed record Relaxation(double Bound, double PlottedDelay, double MeanCost, double MeanAccuracy);

/// <summary>
/// A decision for one window: per request (in the window's order) its assignment, or null when the
/// strategy could not place it (reported, never hidden). A relaxation is a bound and is not executed.
/// </summary>
/// <param name="Assignments">Per request of the window, its model and sources, or null when unplaced.</param>
/// <param name="Relaxation">For a relaxation, its bound and what it reports beside it; null for a plan that runs.</param>
public sealed record NetworkPlan(IReadOnlyList<Assignment?> Assignments, Relaxation? Relaxation = null)
{
    /// <summary>A relaxation's plan: no request placed, the relaxation's value reported as a bound.</summary>
    public static NetworkPlan Bound(int requests, Relaxation relaxation) => new(new Assignment?[requests], relaxation);
}
