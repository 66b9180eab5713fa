namespace Simulator.Experiments;

/// <summary>What one step earned: the reward, whether the episode ended (the world emptied, or the horizon came), and what else happened.</summary>
public readonly record struct StepResult(double Reward, bool Terminated, bool Truncated, IReadOnlyDictionary<string, double> Info);

/// <summary>
/// One replication of a scenario run as an environment: the world pauses at each decision its kind declares, the
/// decision is given from outside, and the run goes on to the next one. Because the pause changes nothing, the
/// episode of replication r driven by a built-in strategy's choices is that strategy's run of replication r.
/// An episode ends truncated at the horizon, or terminated when the world has nothing left to do. A world that
/// runs in the kernel pauses as <see cref="SimulatedEpisode"/> says; one that passes no time (a window served one
/// request at a time) pauses between its rounds.
/// </summary>
public abstract class Episode
{
    private readonly double[] observation;
    private readonly bool[] mask;

    protected Episode(DecisionSpace space)
    {
        Space = space;
        observation = new double[space.Size];
        mask = new bool[space.Actions.Count];
    }

    public DecisionSpace Space { get; }

    /// <summary>The decision pending now (all zero once the episode is over).</summary>
    public ReadOnlySpan<double> Observation => observation;

    /// <summary>The actions that do something now (the others wait, or are refused, as the kind says).</summary>
    public ReadOnlySpan<bool> Mask => mask;

    /// <summary>The simulated time, in seconds.</summary>
    public abstract double Time { get; }

    public bool Over { get; private set; }

    /// <summary>Whether it ended at the horizon with the world still busy.</summary>
    public bool Truncated => Over && StillBusy;

    /// <summary>Whether it ended with nothing left to do: no request in sight, no event left.</summary>
    public bool Terminated => Over && !Truncated;

    /// <summary>Runs to the first decision.</summary>
    public void Begin() => Advance();

    /// <summary>Gives the pending decision <paramref name="action"/> and runs to the next one (or the end).</summary>
    public StepResult Step(int action)
    {
        if (Over) throw new InvalidOperationException("the episode is over: reset it.");
        if (action < 0 || action >= Space.Actions.Count) throw new ArgumentOutOfRangeException(nameof(action), action, $"an action is from 0 to {Space.Actions.Count - 1}.");
        var info = new Dictionary<string, double>(StringComparer.Ordinal);
        Answer(action, info);
        Advance();
        double reward = Collect(info);
        info["time_s"] = Time;
        return new StepResult(reward, Terminated, Truncated, info);
    }

    /// <summary>The kind's metrics of the run so far: at the end of the episode, the run's record.</summary>
    public abstract MetricValues Metrics();

    /// <summary>Gives the pending decision its answer; what it decided goes into <paramref name="info"/>.</summary>
    protected abstract void Answer(int action, Dictionary<string, double> info);

    /// <summary>Whether a decision waits now.</summary>
    protected abstract bool Pending { get; }

    /// <summary>Writes the pending decision's observation and mask.</summary>
    protected abstract void Encode(Span<double> observation, Span<bool> mask);

    /// <summary>The reward earned since the last step; the rest of what happened goes into <paramref name="info"/>.</summary>
    protected abstract double Collect(Dictionary<string, double> info);

    /// <summary>Runs the world until a decision waits (true) or the episode is over (false).</summary>
    protected abstract bool RunToDecision();

    /// <summary>Once over: whether the world had something left to do (it was cut at the horizon).</summary>
    protected abstract bool StillBusy { get; }

    private void Advance()
    {
        if (!RunToDecision())
        {
            Over = true;
            Array.Clear(observation);
            Array.Clear(mask);
            return;
        }
        if (!Pending) throw new InvalidOperationException("the run paused without a decision pending.");
        Encode(observation, mask);
    }
}
