namespace Simulator.Edge.Network;

/// <summary>
/// A window served online, one round at a time (<see cref="OnlineWindow"/>): <see cref="Ask"/> puts the next
/// request to the learner, <see cref="Answer"/> scores its pick and keeps what was pulled at the home. A learner
/// in the runner answers at once (<see cref="OnlineWindow.Run"/>); an environment answers from outside, between
/// two calls, and the window is the same either way.
/// </summary>
public sealed class WindowRounds
{
    private readonly NetworkInstance window;
    private readonly PenaltySpec penalty;
    private readonly PartStore[] stores;
    private readonly IReadOnlySet<string>[] held;
    private readonly HolderIndex index;
    private readonly Assignment[] choices;
    private readonly ServiceTerms[] terms;
    private readonly double[] penalties;
    private readonly double[] regret;
    private readonly bool[] best;
    private IReadOnlyList<int> observed = Array.Empty<int>();
    private OnlineWindow.Question? pending;

    public WindowRounds(NetworkInstance window, PenaltySpec penalty)
    {
        this.window = window;
        this.penalty = penalty;
        stores = window.Cloudlets.Select(c => new PartStore(window.Catalog, c.CapacityBytes, window.Holdings[c.Index])).ToArray();
        held = stores.Select(s => s.Held).ToArray();
        index = new HolderIndex(stores, window.Parts, window.Topology, window.Rules.Sources);
        int n = window.Requests.Count;
        choices = new Assignment[n];
        terms = new ServiceTerms[n];
        penalties = new double[n];
        regret = new double[n];
        best = new bool[n];
    }

    /// <summary>Rounds answered so far: the next request's index.</summary>
    public int Served { get; private set; }

    /// <summary>Whether every request of the window has its model.</summary>
    public bool Done => Served == window.Requests.Count;

    /// <summary>The next request's round, asked once until it is answered.</summary>
    public OnlineWindow.Question Ask()
    {
        if (Done) throw new InvalidOperationException("every request of the window is served.");
        return pending ??= OnlineWindow.Ask(window.Topology, window.Cloudlets, window.Parts, held, window.Rules, window.Requests[Served], Served, penalty, index);
    }

    /// <summary>Scores <paramref name="chosen"/> for the round asked (telling <paramref name="learner"/>, if any, its penalty) and pulls the model's parts to the home.</summary>
    public OnlineWindow.StepResult Answer(int chosen, IOnlineSelector? learner)
    {
        var question = Ask();
        var step = OnlineWindow.Answer(question, chosen, learner);
        int j = Served;
        choices[j] = step.Choice;
        terms[j] = step.Terms;
        penalties[j] = step.Penalty;
        regret[j] = step.Regret;
        best[j] = step.Regret == 0;
        observed = step.Observed;
        var home = stores[question.Request.Home];
        home.Add(window.Parts.Base[chosen]);
        home.Add(window.Parts.Task[chosen]);
        pending = null;
        Served++;
        return step;
    }

    /// <summary>What the rounds answered so far earned (the whole window's outcome once <see cref="Done"/>).</summary>
    public OnlineOutcome Outcome() => new(choices[..Served], terms[..Served], penalties[..Served], regret[..Served], best[..Served], observed);
}
