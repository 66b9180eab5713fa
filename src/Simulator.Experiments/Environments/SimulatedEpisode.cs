using Simulator.Kernel;

namespace Simulator.Experiments;

/// <summary>
/// An episode of a world that runs in the kernel: it runs until a decision holds a process or the horizon comes,
/// and it is cut there (truncated) when events are left after it.
/// </summary>
public abstract class SimulatedEpisode : Episode
{
    private readonly Simulation env;
    private readonly Event end;

    protected SimulatedEpisode(Simulation env, DecisionSpace space, double horizonSeconds)
        : base(space)
    {
        this.env = env;
        end = env.EndAtD(horizonSeconds);
    }

    public override double Time => env.NowD;

    protected override bool RunToDecision()
    {
        env.Run(end);
        return !env.Ended(end);
    }

    protected override bool StillBusy => env.PeekD() < double.MaxValue;
}
