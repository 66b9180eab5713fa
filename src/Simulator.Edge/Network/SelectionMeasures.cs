using Simulator.Kernel;

namespace Simulator.Edge.Network;

/// <summary>
/// What a network selection measured: the wall-clock time of each decision (machine-dependent, kept apart), and
/// for a learner the rounds, their penalty and regret, a learning curve in memory that grows with log t, and the
/// features it read in the last round.
/// </summary>
public sealed class SelectionMeasures
{
    public SampleMonitor DecisionWallSeconds { get; } = new("decision");

    /// <summary>Online rounds so far (all of them: a learning curve starts at the first request, warm-up or not).</summary>
    public long Rounds { get; private set; }

    public double CumulativeRegret { get; private set; }

    public double TotalPenalty { get; private set; }

    public long BestPicks { get; private set; }

    /// <summary>(t, R(t)) at every round t that is a power of two.</summary>
    public List<(long Round, double Regret)> RegretCurve { get; } = new();

    public IReadOnlyList<int> LastObserved { get; private set; } = Array.Empty<int>();

    internal void Round(double penalty, double regret, IReadOnlyList<int> observed)
    {
        Rounds++;
        CumulativeRegret += regret;
        TotalPenalty += penalty;
        if (regret == 0) BestPicks++;
        LastObserved = observed;
        if ((Rounds & (Rounds - 1)) == 0) RegretCurve.Add((Rounds, CumulativeRegret));
    }
}
