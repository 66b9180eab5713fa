using ScottPlot;

namespace Simulator.Experiments.Tests;

/// <summary>Which colour each strategy of an experiment is drawn in.</summary>
public class StrategyStylesTests
{
    private static StrategyStyles Styles(string strategies, string baseline) => new(ExperimentReader.Read(
        Path.Combine(Simulator.Testing.RepositoryRoot.Find(), "experiments", "chasing", "chasing-online.yaml"),
        new[] { $"strategies={strategies}", $"baseline={baseline}", "plots=[]" }).Strategies);

    [Fact]
    public void A_built_in_strategy_keeps_its_colour_with_parameters_unless_it_runs_twice()
    {
        var plain = Styles("[mec-ol, mec-linucb, mec-egreedy]", "mec-egreedy");
        var parametrised = Styles("[{name: mec-ol, d: 25}, {name: mec-linucb, d: 25}, mec-egreedy]", "mec-egreedy");
        for (int s = 0; s < 3; s++) Assert.Equal(plain.Colour(s), parametrised.Colour(s));
        var twice = Styles("[{name: mec-linucb, d: 25}, {name: mec-linucb, d: 50}, mec-egreedy]", "mec-egreedy");
        Assert.Equal(plain.Colour(1), twice.Colour(0));
        Assert.NotEqual(twice.Colour(0), twice.Colour(1));
        // The paper's learner and the offline optimum, drawn together in chasing-online, differ.
        var online = Styles("[{name: mec-ol, d: 25}, mec-ilp, mec-egreedy]", "mec-egreedy");
        Assert.NotEqual(online.Colour(0), online.Colour(1));
    }

    [Fact]
    public void Other_labels_pass_over_the_light_or_dark_twin_of_a_colour_taken()
    {
        // Tableau 20's first nine, their light twins nine further on, and two dark colours without one.
        var palette = new[] { "#1F77B4", "#FF7F0E", "#2CA02C", "#D62728", "#9467BD", "#8C564B", "#E377C2", "#BCBD22", "#17BECF",
            "#AEC7E8", "#FFBB78", "#98DF8A", "#FF9896", "#C5B0D5", "#C49C94", "#F7B6D2", "#DBDB8D", "#9EDAE5", "#393B79", "#637939" };
        int Index(Color c) => Array.IndexOf(palette, c.ToHex()[..7].ToUpperInvariant());
        var labels = Enumerable.Range(0, 8).Select(i => $"{{external: {{command: python3 p.py, label: policy-{i}}}}}");
        var styles = Styles($"[mec-ol, mec-linucb, mec-egreedy, {string.Join(", ", labels)}]", "mec-egreedy");
        var indices = Enumerable.Range(0, 11).Select(s => Index(styles.Colour(s))).ToArray();
        Assert.DoesNotContain(-1, indices);
        Assert.Equal(11, indices.Distinct().Count());
        // Nine pairs of twins and two single colours hold eleven strategies without two twins among them.
        foreach (int a in indices.Where(i => i < 18))
            Assert.DoesNotContain(a < 9 ? a + 9 : a - 9, indices);
    }
}
