using System.Text;
using ScottPlot;

namespace Simulator.Experiments;

/// <summary>
/// One look per strategy, the same in every figure of every experiment: each built-in strategy has a colour of its
/// own, and any other label (a strategy with parameters, a pair, a plugin's, an outside policy) the colour its label
/// picks from the palette, or the next free one when two strategies of one experiment pick the same. A strategy that
/// reports a bound is drawn as a bound: dark grey, dashed, "(bound)" in its legend.
/// </summary>
public sealed class StrategyStyles
{
    /// <summary>Twenty colours apart from each other (Tableau 20), the grey kept for bounds.</summary>
    private static readonly Color[] Palette =
    {
        Color.FromHex("#1f77b4"), Color.FromHex("#ff7f0e"), Color.FromHex("#2ca02c"), Color.FromHex("#d62728"), Color.FromHex("#9467bd"),
        Color.FromHex("#8c564b"), Color.FromHex("#e377c2"), Color.FromHex("#bcbd22"), Color.FromHex("#17becf"), Color.FromHex("#aec7e8"),
        Color.FromHex("#ffbb78"), Color.FromHex("#98df8a"), Color.FromHex("#ff9896"), Color.FromHex("#c5b0d5"), Color.FromHex("#c49c94"),
        Color.FromHex("#f7b6d2"), Color.FromHex("#dbdb8d"), Color.FromHex("#9edae5"), Color.FromHex("#393b79"), Color.FromHex("#637939"),
    };

    /// <summary>The built-in strategies' colours: the planners warm, the baselines cool, as the papers' figures draw them.</summary>
    private static readonly Dictionary<string, int> BuiltIn = new(StringComparer.Ordinal)
    {
        ["pl-dp"] = 3, ["pl-greedy"] = 1, ["pl-greedy-overlap"] = 10, ["no-sharing"] = 0, ["fcfs"] = 4, ["edf"] = 8, ["max-batch"] = 5, ["random"] = 16,
        ["exhaustive"] = 2, ["cpsat"] = 11, ["plan-without-sharing"] = 9,
        ["mec-ilp"] = 3, ["mec-appro"] = 1, ["mec-nbs"] = 6, ["mec-nonshare"] = 0, ["mec-cloud"] = 4, ["mec-lp"] = -1,
        ["mec-ol"] = 3, ["mec-linucb"] = 2, ["mec-egreedy"] = 0, ["mec-oracle"] = -1, ["ready-first"] = 7, ["requested"] = 8,
    };

    public static readonly Color BoundColour = Color.FromHex("#444444");

    private readonly Color[] colours;
    private readonly bool[] bounds;
    private readonly string[] labels;

    public StrategyStyles(IReadOnlyList<StrategyChoice> strategies)
    {
        labels = strategies.Select(s => s.Label).ToArray();
        bounds = strategies.Select(s => s.IsBound).ToArray();
        colours = new Color[strategies.Count];
        var taken = new HashSet<int>();
        // Built-in names first, so that another label never takes their colour in this experiment.
        var order = Enumerable.Range(0, strategies.Count).OrderBy(s => BuiltIn.ContainsKey(labels[s]) ? 0 : 1).ThenBy(s => s);
        foreach (int s in order)
        {
            if (bounds[s])
            {
                colours[s] = BoundColour;
                continue;
            }
            int pick = BuiltIn.TryGetValue(labels[s], out int fixedColour) && fixedColour >= 0 ? fixedColour : (int)(Fnv(labels[s]) % (uint)Palette.Length);
            for (int tries = 0; tries < Palette.Length && !taken.Add(pick); tries++) pick = (pick + 1) % Palette.Length;
            colours[s] = Palette[pick];
        }
    }

    public Color Colour(int strategy) => colours[strategy];

    public bool Bound(int strategy) => bounds[strategy];

    /// <summary>The legend's name: the label, with "(bound)" for a bound.</summary>
    public string Legend(int strategy) => bounds[strategy] ? $"{labels[strategy]} (bound)" : labels[strategy];

    /// <summary>A hash of the label's bytes that is the same in every process (string.GetHashCode is not).</summary>
    private static uint Fnv(string text)
    {
        uint hash = 2166136261;
        foreach (byte b in Encoding.UTF8.GetBytes(text)) hash = (hash ^ b) * 16777619;
        return hash;
    }
}
