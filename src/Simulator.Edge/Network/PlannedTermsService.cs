using Simulator.Kernel;

namespace Simulator.Edge.Network;

/// <summary>
/// A service that runs the paper's terms of each request (network.md section 4): after its pull, it waits for its
/// cloudlet's queue, runs inference for phi_k |M_k| / f_h, and its result returns over the user's link. Under
/// <c>contention: none</c> and the analytic queue every request's delay is exactly the one planned. How the queue
/// is waited for is what the two services differ in.
/// </summary>
public abstract class PlannedTermsService(Simulation env) : IRequestService
{
    private RequestPipeline? pipeline;

    protected Simulation Env => env;

    public ServedMeasures Measures { get; } = new();

    /// <summary>Raised when a request's result is back, with the terms planned for it and its realized delay; leave unset for long runs.</summary>
    public event Action<UserRequest, ServiceTerms, double>? RequestCompleted;

    public void Start(RequestPipeline pipeline, int cloudlet) => this.pipeline = pipeline;

    public IEnumerable<Event>? Admit(UserRequest request) => Serve(request);

    /// <summary>The wait for the cloudlet's queue and the inference; reporting the seconds waited in the queue before inference starts.</summary>
    protected abstract IEnumerable<Event> QueueAndInfer(UserRequest request, double inferenceSeconds, Action<double> waited);

    private IEnumerable<Event> Serve(UserRequest r)
    {
        var a = r.Choice!.Value;
        var estimates = r.Estimates!;
        var planned = estimates.Terms(r.Slot, a);
        double pull = r.Admitted - r.Decided;
        double queueing = 0;
        foreach (var e in QueueAndInfer(r, planned.Inference, q => queueing = q)) yield return e;
        yield return env.TimeoutD(planned.Transmission);
        // The realized pull, with the same energy formula the plan used.
        double cost = estimates.Terms(r.Slot, a.Model, pull).Cost, accuracy = r.Network!.Accuracy[a.Model];
        if (r.Counted) Measures.Complete(pull, queueing, planned.Inference, planned.Transmission, planned.Delay, cost, accuracy);
        RequestCompleted?.Invoke(r, planned, env.NowD - r.Decided);
        pipeline!.Finish(r, new RequestOutcome(r.Id, estimates.Instance.Catalog.Models[a.Model].Id, Outcome.Served, env.NowD, env.NowD - r.Arrival, cost, accuracy));
    }
}

/// <summary>The paper's queue: the constant M/D/1 wait W_h of the request's cloudlet, with no interaction between requests.</summary>
public sealed class AnalyticQueueService(Simulation env, IReadOnlyList<Cloudlet> cloudlets) : PlannedTermsService(env)
{
    protected override IEnumerable<Event> QueueAndInfer(UserRequest request, double inferenceSeconds, Action<double> waited)
    {
        double queueing = cloudlets[request.Home].AnalyticWaitSeconds;
        waited(queueing);
        yield return Env.TimeoutD(queueing + inferenceSeconds);
    }
}

/// <summary>A FIFO server per cloudlet in the simulation: requests wait for it in the order they reach it.</summary>
public sealed class FifoServerService(Simulation env, int cloudlets) : PlannedTermsService(env)
{
    private readonly Resource[] servers = Enumerable.Range(0, cloudlets).Select(_ => new Resource(env, 1)).ToArray();

    protected override IEnumerable<Event> QueueAndInfer(UserRequest request, double inferenceSeconds, Action<double> waited)
    {
        using var unit = servers[request.Home].Request();
        yield return unit;
        double pull = request.Admitted - request.Decided;
        waited(Env.NowD - request.Decided - pull);
        yield return Env.TimeoutD(inferenceSeconds);
    }
}
