namespace Simulator.Edge;

/// <summary>A user's request at the site: the draft it arrived as and the user's channel.</summary>
public sealed class InferenceRequest(RequestDraft draft, Channel channel)
{
    public long Id => Draft.Id;

    public RequestDraft Draft { get; } = draft;

    public Channel Channel { get; } = channel;

    public string ModelId => Draft.ModelId;

    public double Arrival => Draft.Arrival;

    public double Deadline => Draft.Deadline;

    public double InputBits => Draft.InputBits;

    /// <summary>When a network chose its model (its arrival, at a lone site or when planned on arrival).</summary>
    public double Decided { get; init; } = draft.Arrival;

    /// <summary>When it joined the site's queue: its arrival, or later, once a network had pulled its model's parts.</summary>
    public double Admitted { get; init; } = draft.Arrival;
}
