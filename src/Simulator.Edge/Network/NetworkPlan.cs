namespace Simulator.Edge.Network;

/// <summary>What serves one request: the model (catalog index) and the locations its base and task part are pulled from.</summary>
public readonly record struct Assignment(int Model, int BaseSource, int TaskSource);

/// <summary>
/// What a relaxation found instead of a plan: its objective (a lower bound on total delay), the quantity
/// the authors' driver plots as "LP" (the summed per-pair delay at the LP's solution), and the fractional
/// means of cost and accuracy.
/// </summary>
public sealed record Relaxation(double Bound, double PlottedDelay, double MeanCost, double MeanAccuracy);

/// <summary>
/// A decision for one window: per request (in the window's order) its assignment, or null when the
/// strategy could not place it (reported, never hidden). A relaxation is a bound and is not executed.
/// </summary>
public sealed record NetworkPlan(IReadOnlyList<Assignment?> Assignments, Relaxation? Relaxation = null)
{
    public static NetworkPlan Bound(int requests, Relaxation relaxation) => new(new Assignment?[requests], relaxation);
}
