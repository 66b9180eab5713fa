namespace Simulator.Edge.Network;

/// <summary>
/// A cloudlet's attributes (docs/network.md section 1): the capacity for models it can host, the rates and
/// powers that give inference time and energy, and the M/G/1 parameters of its analytic queue.
/// </summary>
public sealed record Cloudlet(
    int Index,
    Position Position,
    double CapacityBytes,
    double ProcessingRate,
    double AccessRate,
    double PeakPower,
    double IdlePower,
    double LeakPower,
    double TxPower,
    double ArrivalRate,
    double ServiceRate)
{
    /// <summary>
    /// The paper's Pollaczek-Khinchine wait W = lambda (sigma^2 + 1/mu^2) / (2 (1 - lambda/mu)) with sigma = 0:
    /// the authors' code takes the standard deviation of one number, which is 0, so service is deterministic (M/D/1).
    /// </summary>
    public double AnalyticWaitSeconds => ArrivalRate >= ServiceRate ? double.PositiveInfinity
        : ArrivalRate / (ServiceRate * ServiceRate) / (2 * (1 - ArrivalRate / ServiceRate));
}
