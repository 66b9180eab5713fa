namespace Simulator.Edge.Network;

/// <summary>
/// One request of the network (docs/network.md section 1): its home cloudlet, the instructions, budget
/// and accuracy requirement it brings, its input and the user's uplink rate, the accuracy every model
/// would give it (by the catalog's model index) and the output-size factor of each model, drawn once; its
/// context features and hidden task type (empty and -1 without a context model), and the model its user
/// named (by index; -1 where users name none: only a cell's workload does).
/// </summary>
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
    public IReadOnlyList<double> Context { get; init; } = Array.Empty<double>();

    public int TaskType { get; init; } = -1;

    public int Requested { get; init; } = -1;
}
