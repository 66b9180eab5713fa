using Simulator.Strategies;

namespace Simulator.Experiments.Tests;

/// <summary>
/// Which kinds run a strategy is one rule (<see cref="StrategySlots.Runs"/>): `list strategies` names the kinds by it,
/// and `validate` accepts a strategy in exactly those.
/// </summary>
public class StrategyKindsTests
{
    /// <summary>A shipped experiment of each kind, its requests carrying enough context features for every learner's default.</summary>
    private static readonly Dictionary<string, (string File, string[] Sets)> Bases = new(StringComparer.Ordinal)
    {
        ["single-site"] = ("quickstart.yaml", []),
        ["one-shot"] = ("partialloading/pl-dp-vs-optimal.yaml", []),
        ["network-one-shot"] = ("chasing/chasing-online.yaml", []),
        ["network"] = ("chasing/chasing-online-stochastic.yaml", []),
        ["network-of-sites"] = ("network/sites-2x2-llama-lora.yaml", ["scenario.requests.context={model: latent, features: 50, types: 5, informative: 5, noise: 0.3}"]),
    };

    [Fact]
    public void Validate_accepts_a_strategy_in_exactly_the_kinds_list_strategies_names()
    {
        var kinds = ScenarioKinds.BuiltIn;
        Assert.Equal(kinds.All.Select(k => k.Name).Order(), Bases.Keys.Order());
        foreach (var strategy in StrategyRegistry.BuiltIn.Strategies)
            foreach (var kind in kinds.All)
            {
                var (file, sets) = Bases[kind.Name];
                string entry = !kind.Strategies.Pairs ? strategy.Name
                    : strategy.Kind == StrategyKind.Site ? $"{{select: mec-ilp, schedule: {strategy.Name}}}" : $"{{select: {strategy.Name}, schedule: pl-dp}}";
                bool listed = kinds.Running(strategy).Contains(kind);
                string? refusal = null;
                try
                {
                    ExperimentReader.Read(Path.Combine(Simulator.Testing.RepositoryRoot.Find(), "experiments", file), [.. sets, $"strategies=[{entry}]", "baseline=null", "plots=[]"]);
                }
                catch (ConfigException ex)
                {
                    refusal = ex.Message;
                }
                Assert.True(listed == (refusal is null), $"{strategy.Name} in {kind.Name}: listed {listed}, but validate {(refusal is null ? "accepts it" : $"refuses it: {refusal}")}");
            }
    }
}
