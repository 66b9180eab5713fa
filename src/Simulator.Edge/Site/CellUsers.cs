namespace Simulator.Edge;

/// <summary>
/// Places each arriving request's user in the cell and gives it a channel: a distance from the site's
/// placement, a shadowing draw, and a fading process keyed by the request's draft. The site and a static
/// round draw through the same streams, so both see the same users for the same seed.
/// </summary>
public sealed class CellUsers(UplinkSpec uplink, RandomStreams streams)
{
    private readonly Random placement = streams.Stream("placement");
    private readonly Random shadowing = streams.Stream("shadowing");

    /// <summary>The channel of the next draft's user; drafts must come in the workload's order.</summary>
    public Channel ChannelOf(RequestDraft draft)
    {
        double distance = uplink.Placement.DrawDistance(placement);
        double shadow = uplink.ShadowingSigmaDb * Draw.StandardNormal(shadowing);
        return new Channel(uplink, distance, shadow, streams.Seed("fading", draft.Id));
    }

    public InferenceRequest Place(RequestDraft draft) => new(draft, ChannelOf(draft));
}
