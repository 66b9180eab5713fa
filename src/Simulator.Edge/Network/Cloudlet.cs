namespace Simulator.Edge.Network;

/// <summary>
/// A cloudlet's attributes (docs/network.md section 1): the capacity for models it can host, the rates and
/// powers that give inference time and energy, and the M/G/1 parameters of its analytic queue.
/// </summary>
/// <param name="Index">i, its node in the topology (0 to m - 1).</param>
/// <param name="Position">Where it stands, in metres.</param>
/// <param name="CapacityBytes">C_i, the bytes of models it can host.</param>
/// <param name="ProcessingRate">f_i, its processing rate: inference takes phi |M| / f.</param>
/// <param name="AccessRate">zeta_i, its memory-access rate, in the cost's zeta I_j P^peak term.</param>
/// <param name="PeakPower">P^peak_i, in watts.</param>
/// <param name="IdlePower">P^idle_i, in watts.</param>
/// <param name="LeakPower">P^leak_i, in watts.</param>
/// <param name="TxPower">P^tx_i, its transmit power, in watts, paid while pulling and transmitting.</param>
/// <param name="ArrivalRate">lambda_i of its analytic queue, per second.</param>
/// <param name="ServiceRate">mu_i of its analytic queue, per second.</param>
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
