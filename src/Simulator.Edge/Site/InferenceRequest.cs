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

    /// <summary>When it joined the site's queue: its arrival, or later when a network first pulled its model's parts.</summary>
    public double Admitted { get; init; } = draft.Arrival;
}
