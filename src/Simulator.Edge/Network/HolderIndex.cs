namespace Simulator.Edge.Network;

/// <summary>
/// Which cloudlets hold each model's base and task part, kept from round to round for online selection: every
/// round needs every model's nearest holders, and finding them afresh asked every cloudlet's store about every
/// part (at 125 cloudlets and 10 models, 2,500 lookups and 90 % of a round). A store is asked again only when its
/// <see cref="PartStore.Version"/> moved since the last <see cref="Refresh"/>, which a round's pulls do at one
/// cloudlet at most. The holders come in cloudlet order, as a scan gives them.
/// </summary>
public sealed class HolderIndex
{
    private readonly IReadOnlyList<PartStore> stores;
    private readonly ModelParts parts;
    private readonly long[] seen;
    private readonly bool[][] holdsBase, holdsTask;
    private readonly int[]?[] baseHolders, taskHolders;
    // Per home and model, the candidate sources last made and the holders they were made from: valid while the
    // holders are the same array (a part's holders are made anew only when they change).
    private readonly (int[]? Holders, Source[]? Candidates)[]?[] baseCandidates, taskCandidates;

    public HolderIndex(IReadOnlyList<PartStore> stores, ModelParts parts)
    {
        this.stores = stores;
        this.parts = parts;
        seen = Enumerable.Repeat(-1L, stores.Count).ToArray();
        holdsBase = stores.Select(_ => new bool[parts.Count]).ToArray();
        holdsTask = stores.Select(_ => new bool[parts.Count]).ToArray();
        baseHolders = new int[parts.Count][];
        taskHolders = new int[parts.Count][];
        baseCandidates = new (int[]?, Source[]?)[stores.Count][];
        taskCandidates = new (int[]?, Source[]?)[stores.Count][];
        Refresh();
    }

    /// <summary>Reads again the stores that changed.</summary>
    public void Refresh()
    {
        for (int l = 0; l < stores.Count; l++)
        {
            if (stores[l].Version == seen[l]) continue;
            seen[l] = stores[l].Version;
            for (int k = 0; k < parts.Count; k++)
            {
                Update(holdsBase[l], baseHolders, k, stores[l].Holds(parts.Base[k]));
                Update(holdsTask[l], taskHolders, k, stores[l].Holds(parts.Task[k]));
            }
        }
    }

    private static void Update(bool[] holds, int[]?[] holders, int k, bool now)
    {
        if (holds[k] == now) return;
        holds[k] = now;
        holders[k] = null;
    }

    /// <summary>The cloudlets holding all of model k's base part, in cloudlet order.</summary>
    public int[] BaseHolders(int k) => baseHolders[k] ??= Holding(holdsBase, k);

    /// <summary>The cloudlets holding all of model k's task part, in cloudlet order.</summary>
    public int[] TaskHolders(int k) => taskHolders[k] ??= Holding(holdsTask, k);

    private int[] Holding(bool[][] holds, int k) => Enumerable.Range(0, stores.Count).Where(l => holds[l][k]).ToArray();

    /// <summary>
    /// The candidate sources of model k's base (or task part) for a request homed at <paramref name="home"/>, made by
    /// <paramref name="make"/> from the holders the first time and again only after the holders changed: online
    /// rounds come request by request, and a round's pull changes one part's holders at most.
    /// </summary>
    public Source[] Candidates(int home, int k, bool basePart, Func<int[], Source[]> make)
    {
        var holders = basePart ? BaseHolders(k) : TaskHolders(k);
        var row = (basePart ? baseCandidates : taskCandidates)[home] ??= new (int[]?, Source[]?)[parts.Count];
        ref var slot = ref row[k];
        if (!ReferenceEquals(slot.Holders, holders)) slot = (holders, make(holders));
        return slot.Candidates!;
    }
}
