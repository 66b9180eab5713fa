namespace Simulator.Edge;

/// <summary>
/// The models a site can serve and the blocks they are made of. Two models share a block when both
/// list its id; nothing else marks sharing. Validated on construction.
/// </summary>
public sealed class Catalog
{
    private readonly Dictionary<string, Block> blocks;
    private readonly Dictionary<string, Model> models;
    private readonly Dictionary<string, int> users;
    private readonly Dictionary<string, int> index;
    // Per model, its blocks in order and as a set: load estimates and overlaps run in planners' inner loops.
    private readonly Dictionary<Model, (Block[] Blocks, HashSet<string> Set)> parts;

    /// <summary>A catalog of these blocks and models; refused (<see cref="CatalogException"/>) when an id is empty or repeated, a size negative, or a model lists a block that is not there.</summary>
    public Catalog(IEnumerable<Block> blocks, IEnumerable<Model> models)
    {
        this.blocks = new Dictionary<string, Block>(StringComparer.Ordinal);
        foreach (var b in blocks)
        {
            if (string.IsNullOrWhiteSpace(b.Id)) throw new CatalogException("A block has an empty id.");
            if (b.Bytes < 0) throw new CatalogException($"Block '{b.Id}' has a negative size ({b.Bytes} bytes).");
            if (!this.blocks.TryAdd(b.Id, b)) throw new CatalogException($"Block id '{b.Id}' appears twice.");
        }
        this.models = new Dictionary<string, Model>(StringComparer.Ordinal);
        foreach (var m in models)
        {
            if (string.IsNullOrWhiteSpace(m.Id)) throw new CatalogException("A model has an empty id.");
            if (m.BlockIds.Count == 0) throw new CatalogException($"Model '{m.Id}' lists no blocks.");
            if (m.ActivationBytesPerSample < 0) throw new CatalogException($"Model '{m.Id}' has negative activation memory ({m.ActivationBytesPerSample} bytes).");
            var seen = new HashSet<string>(StringComparer.Ordinal);
            foreach (var id in m.BlockIds)
            {
                if (!this.blocks.ContainsKey(id)) throw new CatalogException($"Model '{m.Id}' lists unknown block '{id}'.");
                if (!seen.Add(id)) throw new CatalogException($"Model '{m.Id}' lists block '{id}' twice.");
            }
            if (!this.models.TryAdd(m.Id, m)) throw new CatalogException($"Model id '{m.Id}' appears twice.");
        }
        if (this.models.Count == 0) throw new CatalogException("The catalog has no model.");
        Models = this.models.Values.ToArray();
        index = new Dictionary<string, int>(StringComparer.Ordinal);
        for (int i = 0; i < Models.Count; i++) index[Models[i].Id] = i;
        // By reference: a model of another catalog with the same id must not pass for this one's.
        parts = new Dictionary<Model, (Block[], HashSet<string>)>(ReferenceEqualityComparer.Instance);
        foreach (var m in Models) parts[m] = (m.BlockIds.Select(id => this.blocks[id]).ToArray(), new HashSet<string>(m.BlockIds, StringComparer.Ordinal));
        users = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var m in Models)
            foreach (var id in m.BlockIds) users[id] = users.GetValueOrDefault(id) + 1;
        Blocks = this.blocks.Values.ToArray();
    }

    /// <summary>The models, in the order given (a model's index here is the network's model index k).</summary>
    public IReadOnlyList<Model> Models { get; }

    /// <summary>Every block, once, in the order given.</summary>
    public IReadOnlyList<Block> Blocks { get; }

    /// <summary>Whether a model of this id is in the catalog.</summary>
    public bool Contains(string modelId) => models.ContainsKey(modelId);

    /// <summary>A model's position in <see cref="Models"/> (the network's model index k).</summary>
    public int IndexOf(string modelId) => index.TryGetValue(modelId, out int k) ? k : throw new CatalogException($"Unknown model '{modelId}'.");

    /// <summary>The model of this id; an unknown id throws <see cref="CatalogException"/>.</summary>
    public Model Model(string id) => models.TryGetValue(id, out var m) ? m : throw new CatalogException($"Unknown model '{id}'.");

    /// <summary>The block of this id; an unknown id throws <see cref="CatalogException"/>.</summary>
    public Block Block(string id) => blocks.TryGetValue(id, out var b) ? b : throw new CatalogException($"Unknown block '{id}'.");

    /// <summary>How many catalog models list the block.</summary>
    public int UsersOf(string blockId) => users.GetValueOrDefault(blockId);

    /// <summary>Bytes of all the model's blocks.</summary>
    public long Bytes(Model model)
    {
        long sum = 0;
        foreach (var block in Parts(model).Blocks) sum += block.Bytes;
        return sum;
    }

    /// <summary>The model's block ids as a set.</summary>
    public IReadOnlySet<string> BlockSet(Model model) => Parts(model).Set;

    /// <summary>Bytes of the blocks both models list.</summary>
    public long SharedBytes(Model a, Model b) => ResidentBytes(a, Parts(b).Set);

    /// <summary>Bytes of the model's blocks in <paramref name="resident"/>.</summary>
    public long ResidentBytes(Model model, IReadOnlySet<string> resident)
    {
        long sum = 0;
        foreach (var block in Parts(model).Blocks)
            if (resident.Contains(block.Id)) sum += block.Bytes;
        return sum;
    }

    /// <summary>Bytes of the model's blocks not in <paramref name="resident"/>.</summary>
    public long MissingBytes(Model model, IReadOnlySet<string> resident) => Bytes(model) - ResidentBytes(model, resident);

    /// <summary>The model's blocks, in model order (the order they load in).</summary>
    public ReadOnlySpan<Block> BlocksOf(Model model) => Parts(model).Blocks;

    /// <summary>The model's blocks not in <paramref name="resident"/>, in model order.</summary>
    public IEnumerable<Block> Missing(Model model, IReadOnlySet<string> resident) =>
        Parts(model).Blocks.Where(b => !resident.Contains(b.Id));

    private (Block[] Blocks, HashSet<string> Set) Parts(Model model) =>
        parts.TryGetValue(model, out var p) ? p : throw new CatalogException($"Model '{model.Id}' is not this catalog's.");
}
