namespace Simulator.Edge.Network;

/// <summary>
/// Which cloudlets hold each model's base and task part, and each home's nearest source of each part, kept up to
/// date as the stores gain and lose blocks. Every window and every online round needs the nearest holders; found
/// afresh they cost a scan of every holder for every home that asks, and a family's base spreads to most cloudlets,
/// so a window of a city-sized network scanned homes x holders (a quarter of its run at 500 cloudlets). A change
/// at one store moves a home's nearest source only when that store is, or becomes, the nearest: checked per home
/// in one pass, and a home that lost its only nearest source finds the next one when it next asks.
/// </summary>
/// <remarks>
/// The nearest source is the one a scan of the candidates gives: the quickest, and on a tie the lowest location
/// (the data centre, numbered after every cloudlet, last). The data centre is a candidate when the rules allow it
/// always, or when no cloudlet holds the part.
/// </remarks>
public sealed class HolderIndex
{
    private readonly IReadOnlyList<PartStore> stores;
    private readonly Topology topology;
    private readonly SourceRule sources;
    // The distinct non-empty parts (ModelParts gives one array per distinct set of blocks), each model's two, and
    // each model whole (its base's source when sharing is off: only a holder of the exact model supplies it).
    private readonly string[][] blocks;
    private readonly double[] bytes;
    private readonly int[] baseOf, taskOf, wholeOf;
    private readonly Dictionary<string, int[]> partsWithBlock = new(StringComparer.Ordinal);
    private readonly bool[][] holds;
    private readonly int[] holderCount;
    private readonly int[]?[] holders;
    // Per part and home, the nearest source and how many candidates tie with it; a tie count of 0 is not known yet.
    private readonly Nearest[]?[] nearest;
    // Per home and model, the candidate sources last made and the holders they were made from: valid while the
    // holders are the same array (a part's holders are made anew only when they change).
    private readonly (int[]? Holders, Source[]? Candidates)[]?[] baseCandidates, taskCandidates;

    private struct Nearest
    {
        public int Location;
        public double Seconds;
        public int Ties;
    }

    public HolderIndex(IReadOnlyList<PartStore> stores, ModelParts parts, Topology topology, SourceRule sources)
    {
        if (stores.Count != topology.Cloudlets) throw new ArgumentException($"{stores.Count} stores for {topology.Cloudlets} cloudlets.", nameof(stores));
        this.stores = stores;
        this.topology = topology;
        this.sources = sources;
        var number = new Dictionary<string[], int>(ReferenceEqualityComparer.Instance);
        var found = new List<(string[] Blocks, double Bytes)>();
        int Number(string[] part, double size)
        {
            if (part.Length == 0) return -1;
            if (!number.TryGetValue(part, out int p))
            {
                number[part] = p = found.Count;
                found.Add((part, size));
            }
            return p;
        }
        baseOf = Enumerable.Range(0, parts.Count).Select(k => Number(parts.Base[k], parts.BaseBytes[k])).ToArray();
        taskOf = Enumerable.Range(0, parts.Count).Select(k => Number(parts.Task[k], parts.TaskBytes[k])).ToArray();
        wholeOf = Enumerable.Range(0, parts.Count).Select(k => parts.Base[k].Length == 0 ? -1 : Number(parts.Base[k].Concat(parts.Task[k]).ToArray(), parts.BaseBytes[k])).ToArray();
        blocks = found.Select(f => f.Blocks).ToArray();
        bytes = found.Select(f => f.Bytes).ToArray();
        foreach (var group in Enumerable.Range(0, blocks.Length).SelectMany(p => blocks[p].Distinct().Select(b => (Block: b, Part: p))).GroupBy(x => x.Block))
            partsWithBlock[group.Key] = group.Select(x => x.Part).ToArray();
        holds = blocks.Select(_ => new bool[stores.Count]).ToArray();
        holderCount = new int[blocks.Length];
        holders = new int[blocks.Length][];
        nearest = new Nearest[blocks.Length][];
        for (int p = 0; p < blocks.Length; p++)
            for (int l = 0; l < stores.Count; l++)
                if (stores[l].Holds(blocks[p]))
                {
                    holds[p][l] = true;
                    holderCount[p]++;
                }
        for (int l = 0; l < stores.Count; l++)
        {
            int location = l;
            stores[l].BlockChanged += (block, held) => Changed(location, block, held);
        }
        baseCandidates = new (int[]?, Source[]?)[stores.Count][];
        taskCandidates = new (int[]?, Source[]?)[stores.Count][];
    }

    /// <summary>Moves whenever a part's holders change: an answer read before a move may be stale after it.</summary>
    public long Version { get; private set; }

    /// <summary>The cloudlets holding all of model k's base part, in cloudlet order (none for a model without one).</summary>
    public int[] BaseHolders(int k) => Holding(baseOf[k]);

    /// <summary>The cloudlets holding all of model k's task part, in cloudlet order (none for a model without one).</summary>
    public int[] TaskHolders(int k) => Holding(taskOf[k]);

    /// <summary>The cloudlets holding all of model k, in cloudlet order (none for a model without a base: it needs no such holder).</summary>
    public int[] WholeHolders(int k) => Holding(wholeOf[k]);

    private int[] Holding(int p)
    {
        if (p < 0) return Array.Empty<int>();
        if (holders[p] is { } made) return made;
        var list = new int[holderCount[p]];
        for (int l = 0, n = 0; n < list.Length; l++) if (holds[p][l]) list[n++] = l;
        return holders[p] = list;
    }

    /// <summary>The nearest source of model k's base for a request homed at <paramref name="home"/> (the home itself, at no cost, for a model without one).</summary>
    public Source NearestBase(int home, int k) => NearestOf(baseOf[k], home, out _);

    /// <summary>The nearest source of model k's task part for a request homed at <paramref name="home"/>.</summary>
    public Source NearestTask(int home, int k) => NearestOf(taskOf[k], home, out _);

    /// <summary>The nearest holder of all of model k, timed for its base (where its base comes from when sharing is off).</summary>
    public Source NearestWhole(int home, int k) => NearestOf(wholeOf[k], home, out _);

    /// <summary>How many candidate sources of model k's base pull as quickly as the nearest.</summary>
    public int BaseTies(int home, int k)
    {
        NearestOf(baseOf[k], home, out int ties);
        return ties;
    }

    /// <summary>How many candidate sources of model k's task part pull as quickly as the nearest.</summary>
    public int TaskTies(int home, int k)
    {
        NearestOf(taskOf[k], home, out int ties);
        return ties;
    }

    private Source NearestOf(int p, int home, out int ties)
    {
        ties = 1;
        if (p < 0) return new Source(home, 0);
        var row = nearest[p] ??= new Nearest[stores.Count];
        ref var e = ref row[home];
        if (e.Ties == 0) e = Scan(p, home);
        ties = e.Ties;
        return new Source(e.Location, e.Seconds);
    }

    private Nearest Scan(int p, int home)
    {
        var best = new Nearest { Location = -1, Seconds = double.PositiveInfinity };
        foreach (int l in Holding(p)) Consider(ref best, l, topology.TransferSeconds(l, home, bytes[p]));
        if (sources.OffersDataCentre(holderCount[p])) Consider(ref best, topology.DataCentre, topology.TransferSeconds(topology.DataCentre, home, bytes[p]));
        return best;
    }

    // Candidates come in location order, so the first of the quickest is the lowest location.
    private static void Consider(ref Nearest best, int location, double seconds)
    {
        if (seconds < best.Seconds) best = new Nearest { Location = location, Seconds = seconds, Ties = 1 };
        else if (seconds == best.Seconds)
        {
            best.Ties++;
            if (location < best.Location) best.Location = location;
        }
    }

    private void Changed(int location, string block, bool held)
    {
        if (!partsWithBlock.TryGetValue(block, out var containing)) return;
        foreach (int p in containing)
        {
            if (held ? holds[p][location] || !stores[location].Holds(blocks[p]) : !holds[p][location]) continue;
            holds[p][location] = held;
            holderCount[p] += held ? 1 : -1;
            holders[p] = null;
            Version++;
            if (nearest[p] is { } row) Follow(p, row, location, held);
        }
    }

    /// <summary>Moves each home's nearest source of part p after <paramref name="location"/> gained or lost it.</summary>
    private void Follow(int p, Nearest[] row, int location, bool gained)
    {
        // The change took the data centre out of the candidates (a first holder) or brought it back (the last one lost): every home asks afresh.
        if (sources.OffersDataCentre(holderCount[p]) != sources.OffersDataCentre(holderCount[p] + (gained ? -1 : 1)))
        {
            Array.Clear(row);
            return;
        }
        for (int h = 0; h < row.Length; h++)
        {
            ref var e = ref row[h];
            if (e.Ties == 0) continue;
            double seconds = topology.TransferSeconds(location, h, bytes[p]);
            if (gained) Consider(ref e, location, seconds);
            else if (seconds == e.Seconds)
            {
                // The lost holder tied for the nearest: the others still tie, unless it was the one named.
                if (e.Ties == 1 || e.Location == location) e.Ties = 0;
                else e.Ties--;
            }
        }
    }

    /// <summary>
    /// The candidate sources of model k's base (or task part) for a request homed at <paramref name="home"/>, made by
    /// <paramref name="make"/> from the holders the first time and again only after the holders changed: online
    /// rounds come request by request, and a round's pull changes one part's holders at most.
    /// </summary>
    public Source[] Candidates(int home, int k, bool basePart, Func<int[], Source[]> make)
    {
        var holding = basePart ? BaseHolders(k) : TaskHolders(k);
        var row = (basePart ? baseCandidates : taskCandidates)[home] ??= new (int[]?, Source[]?)[baseOf.Length];
        ref var slot = ref row[k];
        if (!ReferenceEquals(slot.Holders, holding)) slot = (holding, make(holding));
        return slot.Candidates!;
    }
}
