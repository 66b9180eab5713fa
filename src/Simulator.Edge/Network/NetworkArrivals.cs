using Simulator.Kernel;

namespace Simulator.Edge.Network;

/// <summary>
/// The source of the stochastic network: requests at a total Poisson rate, each from a user at a drawn place (or
/// one of the file's user sites), homed at the nearest cloudlet. Every draw reads its own stream.
/// </summary>
public sealed class NetworkArrivals : IRequestSource
{
    private readonly Simulation env;
    private readonly CloudletNetwork network;
    private readonly double ratePerSecond;
    private readonly RandomStreams streams;

    public NetworkArrivals(Simulation env, CloudletNetwork network, double ratePerSecond, RandomStreams streams)
    {
        if (!(ratePerSecond > 0)) throw new ArgumentException("The request rate must be positive.", nameof(ratePerSecond));
        this.env = env;
        this.network = network;
        this.ratePerSecond = ratePerSecond;
        this.streams = streams;
    }

    public void Start(RequestPipeline pipeline, Action<int> cellStarted)
    {
        env.Process(Arrivals(pipeline));
        for (int i = 0; i < network.Cloudlets.Count; i++) cellStarted(i);
    }

    private IEnumerable<Event> Arrivals(RequestPipeline pipeline)
    {
        var rng = streams.Stream("network:arrivals");
        var world = network.World;
        while (true)
        {
            yield return env.TimeoutD(Draw.Exponential(rng, ratePerSecond));
            long id = pipeline.NewId();
            var place = streams.Stream("network:user", id);
            var user = world.UserSites is { Count: > 0 } users ? users[place.Next(users.Count)] : Position.Uniform(place, world.AreaMetres);
            var description = network.Draw(id, env.NowD, user);
            var request = pipeline.Request(id, description.Arrival, description.Home);
            request.Network = description;
            pipeline.Arrive(request);
        }
    }
}
