using System.Text;
using ScottPlot;

namespace Simulator.Experiments;

/// <summary>
/// One look per strategy, the same in every figure of every experiment: each built-in strategy has a colour of its
/// own, which it keeps with parameters (<c>mec-ol(d=25)</c>), settings or a label of its own unless the experiment
/// runs it twice; any other entry (a second one of a strategy, a pair, a plugin's, an outside policy) takes the colour
/// its label picks from the palette, or the next free one when two strategies of one experiment pick the same, passing
/// over a light or dark twin of a colour already taken. A strategy that reports a bound is drawn as a bound: dark
/// grey, dashed, "(bound)" in its legend.
/// </summary>
public sealed class StrategyStyles
{
    /// <summary>Twenty colours (Tableau 20, the grey kept for bounds): the nine at 0-8 and their light twins at 9-17, then two dark ones.</summary>
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
        ["mec-ol"] = 1, ["mec-linucb"] = 2, ["mec-egreedy"] = 0, ["mec-oracle"] = -1, ["ready-first"] = 7, ["requested"] = 8,
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
        // A built-in strategy as itself first, then with parameters, so that another label never takes their colour.
        int Rank(int s) => OwnColour(strategies[s]) is null ? 2 : labels[s] == strategies[s].Name ? 0 : 1;
        foreach (int s in Enumerable.Range(0, strategies.Count).OrderBy(Rank).ThenBy(s => s))
        {
            if (bounds[s])
            {
                colours[s] = BoundColour;
                continue;
            }
            int pick = OwnColour(strategies[s]) is { } own && !taken.Contains(own) ? own : Hashed(labels[s], taken);
            taken.Add(pick);
            colours[s] = Palette[pick];
        }
    }

    /// <summary>The colour a label picks from the palette, or the next free one that is not the twin of one taken (else the next free one).</summary>
    private static int Hashed(string label, HashSet<int> taken)
    {
        int start = (int)(Fnv(label) % (uint)Palette.Length);
        var free = Enumerable.Range(0, Palette.Length).Select(i => (start + i) % Palette.Length).Where(i => !taken.Contains(i)).ToArray();
        return free.Length == 0 ? start : free.FirstOrDefault(i => Twin(i) is not { } twin || !taken.Contains(twin), free[0]);
    }

    /// <summary>The colour of the built-in strategy an entry runs with parameters (a pair or an outside policy has none).</summary>
    private static int? OwnColour(StrategyChoice strategy) =>
        strategy.External is null && strategy.Schedule is null && BuiltIn.TryGetValue(strategy.Name, out int c) && c >= 0 ? c : null;

    /// <summary>The light or dark version of a colour, which reads as the same one beside it.</summary>
    private static int? Twin(int colour) => colour switch
    {
        < 9 => colour + 9,
        < 18 => colour - 9,
        _ => null,
    };

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
