namespace Simulator.Edge;

/// <summary>The selection of a lone site: each request is served with the model its user named, as it arrives.</summary>
public sealed class RequestedModel : ISelection
{
    private RequestPipeline? pipeline;

    public void Start(RequestPipeline pipeline) => this.pipeline = pipeline;

    public void Offer(UserRequest request) => pipeline!.Place(request, request.Arrival);
}
