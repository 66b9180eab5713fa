namespace Simulator.Edge.Network;

/// <summary>
/// One request of the network (docs/network.md section 1): its home cloudlet, the instructions, budget
/// and accuracy requirement it brings, its input and the user's uplink rate, the accuracy every model
/// would give it (by the catalog's model index) and the output-size factor of each model, drawn once; its
/// context features and hidden task type (empty and -1 without a context model), and the model its user
/// named (by index; -1 where users name none: only a cell's workload does).
/// </summary>
/// <param name="Id">The request's id, unique in the run.</param>
/// <param name="Home">The cloudlet it is served at, the one nearest its user.</param>
/// <param name="Arrival">When it arrived, in seconds (0 in a one-shot window).</param>
/// <param name="Instructions">I_j, the instructions it brings (memory-access energy is zeta I_j P^peak).</param>
/// <param name="Budget">B_j, the most its service may cost.</param>
/// <param name="AccuracyRequirement">A_j, the least accuracy a model must give it to be chosen.</param>
/// <param name="InputBytes">delta_j, its input's size in bytes.</param>
/// <param name="UplinkBytesPerSecond">rho_j, its user's uplink rate to the home cloudlet, in bytes per second.</param>
/// <param name="Accuracy">a_jk, the accuracy each model would give it, by the catalog's model index.</param>
/// <param name="OutputFactor">u_jk, each model's output-size factor for it, by the catalog's model index.</param>
public sealed record NetworkRequest(
    int Id,
    int Home,
    double Arrival,
    int Instructions,
    double Budget,
    double AccuracyRequirement,
    double InputBytes,
    double UplinkBytesPerSecond,
    IReadOnlyList<double> Accuracy,
    IReadOnlyList<double> OutputFactor)
{
    /// <summary>Its context features (empty without a context model); an online learner reads them through <see cref="OnlineRound.Observe"/>.</summary>
    public IReadOnlyList<double> Context { get; init; } = Array.Empty<double>();

    /// <summary>Its hidden task type under the latent context model, -1 without one; what a learner never reads.</summary>
    public int TaskType { get; init; } = -1;

    /// <summary>The model its user named, by the catalog's index; -1 where users name none.</summary>
    public int Requested { get; init; } = -1;
}
