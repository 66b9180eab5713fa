namespace Simulator.Edge;

/// <summary>How a request left the world.</summary>
public enum Outcome
{
    /// <summary>Served by its deadline.</summary>
    OnTime,

    /// <summary>Served after its deadline.</summary>
    Late,

    /// <summary>Dropped when it could no longer make its deadline, or could not upload.</summary>
    Expired,

    /// <summary>Refused by the scheduler's plan.</summary>
    Rejected,

    /// <summary>Still queued or in service when the run stopped.</summary>
    Unfinished,

    /// <summary>Served, in a world whose requests have no deadline (the network's).</summary>
    Served,

    /// <summary>Placed nowhere by the network's selection.</summary>
    Unplaced,
}
