using Simulator.Strategies;

namespace Simulator.Experiments;

/// <summary>
/// What a strategy entry of an experiment is, for a scenario kind: one strategy of the kinds it runs, or (where
/// cloudlets run sites) a pair, a selector of <see cref="Select"/>'s kinds with the site strategy every cloudlet
/// schedules with; and what the kind's world offers a strategy that needs more than a view of its decision.
/// </summary>
/// <param name="Schedule">The kinds a pair's schedule may be; null: entries are single strategies, not pairs.</param>
public sealed record StrategySlots(IReadOnlySet<StrategyKind> Select, IReadOnlySet<StrategyKind>? Schedule = null)
{
    /// <summary>What the world lets a strategy read beyond its decision's view (<see cref="StrategyInfo.Needs"/>): "sites" where cloudlets run sites.</summary>
    public IReadOnlySet<string> Offers { get; init; } = new HashSet<string>();

    /// <summary>Where the site a site strategy runs on is configured (a requirement it declares applies there); null where none runs.</summary>
    public string? SitePath { get; init; }

    /// <summary>
    /// Whether a network strategy that is a bound (a relaxation, <c>mec-lp</c>) runs here: a window at t = 0 reports
    /// its value; a world that executes every window's plan has no choices of it to execute, and refuses it.
    /// </summary>
    public bool ReportsRelaxations { get; init; }

    public bool Pairs => Schedule is not null;

    /// <summary>
    /// Whether an experiment of the kind runs <paramref name="strategy"/>: one of the kinds it selects or schedules with,
    /// in a world that offers what it needs, and a relaxation only where relaxations are reported. <c>validate</c>
    /// checks the same conditions one by one, to say which fails.
    /// </summary>
    public bool Runs(StrategyInfo strategy) =>
        (Select.Contains(strategy.Kind) || Schedule?.Contains(strategy.Kind) == true)
        && (strategy.Needs is null || Offers.Contains(strategy.Needs))
        && (strategy.Kind != StrategyKind.Network || !strategy.Bound || ReportsRelaxations);

    public static StrategySlots Of(params StrategyKind[] kinds) => new(kinds.ToHashSet());
}
