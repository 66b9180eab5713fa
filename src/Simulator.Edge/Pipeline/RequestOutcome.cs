namespace Simulator.Edge;

/// <summary>
/// What one request came to, as a strategy learns it: its outcome, when it was known, and for a served one its
/// delay from arrival to result (and, in the network, its cost and accuracy); NaN where the world has none.
/// </summary>
/// <param name="Request">The request's id.</param>
/// <param name="Model">The model it was served with (or asked for).</param>
/// <param name="Outcome">How it left the world.</param>
/// <param name="Time">When the outcome became known, in simulated seconds.</param>
/// <param name="Delay">From arrival to result for a served request, in seconds; NaN otherwise.</param>
/// <param name="Cost">The network's cost of serving it; NaN at a site.</param>
/// <param name="Accuracy">The accuracy of the model that served it; NaN at a site.</param>
public readonly record struct RequestOutcome(long Request, string Model, Outcome Outcome, double Time, double Delay, double Cost = double.NaN, double Accuracy = double.NaN);

/// <summary>
/// A strategy that learns from what its decisions led to: a site scheduler hears of every request its site ends,
/// a network strategy of every request its selection placed (or not), each in simulated time order as the
/// outcomes become known. Observing draws nothing from any stream: runs stay the same with or without it.
/// </summary>
public interface IOutcomeObserver
{
    /// <summary>One request's outcome, in simulated time order.</summary>
    void Observe(in RequestOutcome outcome);
}
