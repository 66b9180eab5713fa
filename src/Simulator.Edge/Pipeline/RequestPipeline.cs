using Simulator.Edge.Network;
using Simulator.Kernel;

namespace Simulator.Edge;

/// <summary>
/// The one way a request goes through any simulated world: a source brings it, a selection chooses what serves
/// it, the fetch brings the model's missing parts to its cloudlet and pins them there, and a service serves it
/// and reports its outcome, when the parts are released. A lone site is its simplest case: one cell, the model
/// the user named, nothing to fetch, the site as the service; a network of sites is the same with many cells,
/// a network strategy and the pulls. Each stage keeps its own measures; the pipeline counts the arrivals and the
/// requests the selection placed nowhere. Requests arriving before the warm-up ends are not counted.
/// </summary>
public sealed class RequestPipeline
{
    private readonly Simulation env;
    private readonly IRequestSource source;
    private readonly ISelection selection;
    private readonly PartFetch? fetch;
    private readonly IRequestService service;
    private long nextId;

    public RequestPipeline(Simulation env, double warmupSeconds, IRequestSource source, ISelection selection, PartFetch? fetch, IRequestService service)
    {
        if (!(warmupSeconds >= 0)) throw new ArgumentOutOfRangeException(nameof(warmupSeconds), warmupSeconds, "The warm-up cannot be negative.");
        this.env = env;
        WarmupSeconds = warmupSeconds;
        this.source = source;
        this.selection = selection;
        this.fetch = fetch;
        this.service = service;
    }

    public Simulation Env => env;

    public double WarmupSeconds { get; }

    /// <summary>Requests that arrived after the warm-up.</summary>
    public long Arrived { get; private set; }

    /// <summary>Requests after the warm-up that the selection placed nowhere (an outcome of its own).</summary>
    public long Unplaced { get; private set; }

    /// <summary>Requests placed that wait for their model's parts.</summary>
    public int AwaitingParts { get; private set; }

    /// <summary>Requests arrived (during the warm-up too) whose outcome is not known yet: undecided, pulling, queued or being served.</summary>
    public int InSystem { get; private set; }

    /// <summary>Raised when <see cref="InSystem"/> or <see cref="AwaitingParts"/> changes: a traced run follows the levels by it.</summary>
    public event Action? LevelsChanged;

    /// <summary>Raised when the selection places no model for a request.</summary>
    public event Action<UserRequest>? RequestUnplaced;

    /// <summary>Starts the source's arrivals (and, cell by cell, what serves each), then the selection.</summary>
    public void Start()
    {
        source.Start(this, cloudlet => service.Start(this, cloudlet));
        selection.Start(this);
    }

    /// <summary>The next request's id: requests are numbered in the order they arrive, over every cell.</summary>
    public long NewId() => nextId++;

    /// <summary>A request arriving now at <paramref name="home"/>, with an id from <see cref="NewId"/>.</summary>
    public UserRequest Request(long id, double arrival, int home) => new(id, arrival, home, arrival >= WarmupSeconds);

    /// <summary>A request arrived: counted, and handed to the selection.</summary>
    public void Arrive(UserRequest request)
    {
        if (request.Counted) Arrived++;
        InSystem++;
        LevelsChanged?.Invoke();
        selection.Offer(request);
    }

    /// <summary>The selection placed the request (its <see cref="UserRequest.Choice"/> set, or the user's model): fetch its parts, then serve it.</summary>
    public void Place(UserRequest request, double decided)
    {
        request.Decided = decided;
        var pulls = fetch?.Start(request);
        if (pulls is null || pulls.Count == 0)
        {
            if (Admit(request, decided) is { } steps) env.Process(steps);
        }
        else env.Process(AdmitAfter(pulls, request));
    }

    public void Unplace(UserRequest request)
    {
        if (request.Counted) Unplaced++;
        InSystem--;
        LevelsChanged?.Invoke();
        RequestUnplaced?.Invoke(request);
        Ended?.Invoke(request, new RequestOutcome(request.Id, "", Outcome.Unplaced, env.NowD, double.NaN));
    }

    /// <summary>Raised when a request's outcome is known (placed nowhere, or ended by the service), in simulated time order.</summary>
    public event Action<UserRequest, RequestOutcome>? Ended;

    /// <summary>Whether anyone listens to <see cref="Ended"/>: a service that would keep a request only to report it may skip it otherwise.</summary>
    public bool ReportsOutcomes => Ended is not null;

    /// <summary>Reports every outcome to <paramref name="strategy"/> when it learns from outcomes (<see cref="IOutcomeObserver"/>).</summary>
    public void ReportTo(object strategy)
    {
        if (strategy is IOutcomeObserver observer) Ended += (_, outcome) => observer.Observe(outcome);
    }

    /// <summary>The service knows the request's outcome: it is reported, and its parts may go.</summary>
    public void Finish(UserRequest request, in RequestOutcome outcome)
    {
        InSystem--;
        LevelsChanged?.Invoke();
        Ended?.Invoke(request, outcome);
        fetch?.Release(request);
    }

    private IEnumerable<Event> AdmitAfter(List<Event> pulls, UserRequest request)
    {
        AwaitingParts++;
        LevelsChanged?.Invoke();
        yield return new AllOf(env, pulls);
        AwaitingParts--;
        LevelsChanged?.Invoke();
        if (Admit(request, env.NowD) is { } steps)
            foreach (var step in steps) yield return step;
    }

    private IEnumerable<Event>? Admit(UserRequest request, double admitted)
    {
        request.Admitted = admitted;
        fetch?.Admitted(request);
        return service.Admit(request);
    }
}
