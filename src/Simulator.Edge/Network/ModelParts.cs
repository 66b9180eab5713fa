namespace Simulator.Edge.Network;

/// <summary>
/// The two parts of every model of a catalog (network.md section 2): its base, the blocks some other model
/// also lists, and its task part, the rest. Any location holding the base's blocks can supply it, whichever
/// model brought them; only a holder of the exact model supplies it when sharing is off.
/// </summary>
public sealed class ModelParts
{
    /// <summary>The parts of every model of <paramref name="catalog"/>, found from which blocks other models also list.</summary>
    public ModelParts(Catalog catalog)
    {
        Catalog = catalog;
        int k = catalog.Models.Count;
        Base = new string[k][];
        Task = new string[k][];
        BaseBytes = new double[k];
        TaskBytes = new double[k];
        var distinct = new Dictionary<string, string[]>();
        string[] One(IEnumerable<string> ids)
        {
            var part = ids.ToArray();
            string key = string.Join('\u001f', part);
            return distinct.TryGetValue(key, out var same) ? same : distinct[key] = part;
        }
        BaseGroup = new int[k];
        var groups = new Dictionary<string[], int>(ReferenceEqualityComparer.Instance);
        for (int i = 0; i < k; i++)
        {
            var blocks = catalog.BlocksOf(catalog.Models[i]).ToArray();
            Base[i] = One(blocks.Where(b => catalog.UsersOf(b.Id) > 1).Select(b => b.Id));
            if (!groups.TryGetValue(Base[i], out int g)) groups[Base[i]] = g = groups.Count;
            BaseGroup[i] = g;
            Task[i] = One(blocks.Where(b => catalog.UsersOf(b.Id) <= 1).Select(b => b.Id));
            BaseBytes[i] = blocks.Where(b => catalog.UsersOf(b.Id) > 1).Sum(b => (double)b.Bytes);
            TaskBytes[i] = blocks.Where(b => catalog.UsersOf(b.Id) <= 1).Sum(b => (double)b.Bytes);
        }
        BaseGroups = groups.Count;
    }

    /// <summary>The catalog the parts are of.</summary>
    public Catalog Catalog { get; }

    /// <summary>K, the number of models (indices follow the catalog's order).</summary>
    public int Count => Base.Length;

    // The parts as arrays, for the world's own inner loops and as identities: parts with the same blocks are one array,
    // so a part can be told by reference (pulls under way are looked up so). A strategy reads them through the
    // read-only accessors below, so it cannot change what the evaluator counts.
    internal string[][] Base { get; }

    internal string[][] Task { get; }

    internal int[] BaseGroup { get; }

    internal double[] BaseBytes { get; }

    internal double[] TaskBytes { get; }

    /// <summary>Block ids of model k's base part (empty for a model that shares nothing).</summary>
    public IReadOnlyList<string> BaseOf(int model) => Base[model];

    /// <summary>Block ids of model k's task part.</summary>
    public IReadOnlyList<string> TaskOf(int model) => Task[model];

    /// <summary>|base_k|, the bytes of model k's base part.</summary>
    public double BaseBytesOf(int model) => BaseBytes[model];

    /// <summary>|task_k|, the bytes of model k's task part.</summary>
    public double TaskBytesOf(int model) => TaskBytes[model];

    /// <summary>Model k's base, numbered: models with the same base blocks (a family) have the same number.</summary>
    public int BaseGroupOf(int model) => BaseGroup[model];

    /// <summary>How many distinct bases there are.</summary>
    public int BaseGroups { get; }

    /// <summary>|M_k|, the model's bytes: its base and task parts together.</summary>
    public double Bytes(int model) => BaseBytes[model] + TaskBytes[model];

    /// <summary>Whether a set of held blocks contains all of <paramref name="blocks"/>.</summary>
    public static bool Holds(IReadOnlySet<string> held, string[] blocks)
    {
        foreach (var b in blocks)
            if (!held.Contains(b)) return false;
        return true;
    }
}
