namespace Simulator.Edge;

/// <summary>A user's request as a site serves it: the draft it arrived as, the user's channel, and the model it is served with.</summary>
public sealed class InferenceRequest(long id, RequestDraft draft, Channel channel)
{
    /// <summary>A request known by its draft's id (a static round, a test's hand-made site).</summary>
    public InferenceRequest(RequestDraft draft, Channel channel) : this(draft.Id, draft, channel) { }

    /// <summary>The pipeline's id: its place in the order of arrival over the whole world.</summary>
    public long Id { get; } = id;

    public RequestDraft Draft { get; } = draft;

    public Channel Channel { get; } = channel;

    /// <summary>The model it is served with: the one its user named, unless a network selected another.</summary>
    public string ModelId { get; internal set; } = draft.ModelId;

    public double Arrival => Draft.Arrival;

    public double Deadline => Draft.Deadline;

    public double InputBits => Draft.InputBits;

    /// <summary>When its model was chosen (its arrival, at a lone site or when a selector decides on arrival).</summary>
    public double Decided { get; internal set; } = draft.Arrival;

    /// <summary>When it joined the site's queue: its arrival, or later, once a network had pulled its model's parts.</summary>
    public double Admitted { get; internal set; } = draft.Arrival;
}
