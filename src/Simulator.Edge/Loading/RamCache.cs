namespace Simulator.Edge;

/// <summary>
/// The host's block cache: blocks read from disk enter it, least recently used leave it when it is full.
/// A capacity of 0 disables it (the paper's case).
/// </summary>
public sealed class RamCache : BlockIdSet
{
    private readonly LinkedList<Block> order = new();
    private readonly Dictionary<string, LinkedListNode<Block>> nodes = new(StringComparer.Ordinal);

    public RamCache(long capacityBytes)
    {
        if (capacityBytes < 0) throw new ArgumentOutOfRangeException(nameof(capacityBytes), capacityBytes, "RAM capacity cannot be negative.");
        CapacityBytes = capacityBytes;
    }

    public long CapacityBytes { get; }

    public long Bytes { get; private set; }

    public override int Count => nodes.Count;

    public override bool Contains(string item) => nodes.ContainsKey(item);

    public override IEnumerator<string> GetEnumerator() => nodes.Keys.GetEnumerator();

    /// <summary>Records a hit (moves the block to the front) and says whether it was cached.</summary>
    public bool Hit(string blockId)
    {
        if (!nodes.TryGetValue(blockId, out var node)) return false;
        order.Remove(node);
        order.AddFirst(node);
        return true;
    }

    /// <summary>Caches a block read from disk; blocks larger than the whole cache are not kept.</summary>
    public void Insert(Block block)
    {
        if (Hit(block.Id) || block.Bytes > CapacityBytes) return;
        while (Bytes + block.Bytes > CapacityBytes)
        {
            var last = order.Last!;
            order.RemoveLast();
            nodes.Remove(last.Value.Id);
            Bytes -= last.Value.Bytes;
        }
        nodes[block.Id] = order.AddFirst(block);
        Bytes += block.Bytes;
    }

    /// <summary>Warm start: the blocks of the given models, inserted in the order given; when they do not all fit, eviction keeps the last.</summary>
    public void Preload(Catalog catalog, IEnumerable<string> modelIds)
    {
        foreach (var id in modelIds)
            foreach (var blockId in catalog.Model(id).BlockIds) Insert(catalog.Block(blockId));
    }
}
