using Simulator.Edge;
using Simulator.Strategies;

namespace Simulator.Plugin.Faults;

/// <summary>`asks-for-no-model`: asks the catalog for a model it does not have, as a strategy with a mistyped id does.</summary>
[Strategy("asks-for-no-model", "Test plugin: looks up model 'no-such-model' in the catalog at its first decision.")]
public sealed class AsksForNoModelScheduler : IBatchScheduler
{
    public Plan Plan(SiteView view) => view.Catalog.Model("no-such-model") is { } model ? Edge.Plan.Empty : Edge.Plan.Empty;
}
