namespace Simulator.Edge;

/// <summary>
/// How a pipeline chooses what serves a request: the model its user named, or a network strategy's plan of a
/// window, or a learner's pick on arrival. It answers each request with <see cref="RequestPipeline.Place"/> or
/// <see cref="RequestPipeline.Unplace"/>, at once or at the end of its window.
/// </summary>
public interface ISelection
{
    void Start(RequestPipeline pipeline);

    void Offer(UserRequest request);
}
