namespace Simulator.Edge.Network;

/// <summary>
/// An online network strategy: it picks a model per request as requests come, then learns from the penalty
/// that choice earned. Its state lives in the strategy; its random stream comes from the registry; parts are
/// pulled from their nearest holders, so only the model is its choice.
/// </summary>
public interface IOnlineSelector
{
    /// <summary>The index of the model (in <see cref="OnlineRound"/>'s order) for the round's request.</summary>
    int Choose(OnlineRound round);

    /// <summary>The penalty the chosen <paramref name="model"/> earned in <paramref name="round"/>, to learn from.</summary>
    void Learn(OnlineRound round, int model, double penalty);
}
