namespace Simulator.Edge.Network;

/// <summary>
/// What one cloudlet holds (network.md section 4): blocks within its capacity, least recently used first
/// out. A base is one set of blocks whichever model brought it, so it is stored once for all its models.
/// A block in use by a request being served is pinned and never evicted; the initial placement may exceed
/// the capacity (the paper places models without it) and is evicted first as new parts need room.
/// </summary>
public sealed class PartStore
{
    private readonly Catalog catalog;
    private readonly LinkedList<string> order = new();
    private readonly Dictionary<string, LinkedListNode<string>> held = new(StringComparer.Ordinal);
    private readonly Dictionary<string, int> pins = new(StringComparer.Ordinal);

    public PartStore(Catalog catalog, double capacityBytes, IEnumerable<string> initial)
    {
        this.catalog = catalog;
        CapacityBytes = capacityBytes;
        foreach (var b in initial)
            if (!held.ContainsKey(b))
            {
                held[b] = order.AddLast(b);
                UsedBytes += catalog.Block(b).Bytes;
            }
    }

    public double CapacityBytes { get; }

    public double UsedBytes { get; private set; }

    public long Evictions { get; private set; }

    /// <summary>Bytes written by pulls that landed here, a part already held written again (what entered the disk).</summary>
    public double BytesWritten { get; private set; }

    /// <summary>Moves whenever a block comes or goes (not when one is only touched).</summary>
    public long Version { get; private set; }

    /// <summary>A block came (true) or went (false): a holder index follows the stores by it instead of asking them.</summary>
    internal event Action<string, bool>? BlockChanged;

    public bool Holds(string[] blocks)
    {
        foreach (var b in blocks)
            if (!held.ContainsKey(b)) return false;
        return true;
    }

    /// <summary>The blocks held, live: it changes as the store does (online rounds read it without copying).</summary>
    public IReadOnlySet<string> Held => view ??= new HeldView(held);

    private HeldView? view;

    private sealed class HeldView(Dictionary<string, LinkedListNode<string>> held) : IReadOnlySet<string>
    {
        public int Count => held.Count;
        public bool Contains(string item) => held.ContainsKey(item);
        public IEnumerator<string> GetEnumerator() => held.Keys.GetEnumerator();
        System.Collections.IEnumerator System.Collections.IEnumerable.GetEnumerator() => GetEnumerator();
        public bool IsProperSubsetOf(IEnumerable<string> other) => new HashSet<string>(held.Keys).IsProperSubsetOf(other);
        public bool IsProperSupersetOf(IEnumerable<string> other) => new HashSet<string>(held.Keys).IsProperSupersetOf(other);
        public bool IsSubsetOf(IEnumerable<string> other) => new HashSet<string>(held.Keys).IsSubsetOf(other);
        public bool IsSupersetOf(IEnumerable<string> other) => other.All(held.ContainsKey);
        public bool Overlaps(IEnumerable<string> other) => other.Any(held.ContainsKey);
        public bool SetEquals(IEnumerable<string> other) => new HashSet<string>(held.Keys).SetEquals(other);
    }

    /// <summary>The blocks held now, for a window's snapshot.</summary>
    public IReadOnlySet<string> Snapshot()
    {
        // Windows come every second and most stores change far less often: a snapshot is reused until the store
        // changes (its version moves), and a snapshot is never changed once made.
        if (snapshot is null || snapshotVersion != Version)
        {
            snapshot = new HashSet<string>(held.Keys, StringComparer.Ordinal);
            snapshotVersion = Version;
        }
        return snapshot;
    }

    private HashSet<string>? snapshot;
    private long snapshotVersion = -1;

    /// <summary>Marks the blocks used now (most recently used) and pins them until <see cref="Release"/>.</summary>
    public void Pin(string[] blocks)
    {
        foreach (var b in blocks)
        {
            pins[b] = pins.GetValueOrDefault(b) + 1;
            if (held.TryGetValue(b, out var node))
            {
                order.Remove(node);
                order.AddLast(node);
            }
        }
    }

    public void Release(string[] blocks)
    {
        foreach (var b in blocks)
            if (--pins[b] == 0) pins.Remove(b);
        Evict();
    }

    /// <summary>Adds pulled blocks (most recently used) and evicts what no longer fits.</summary>
    public void Add(string[] blocks)
    {
        foreach (var b in blocks)
        {
            BytesWritten += catalog.Block(b).Bytes;
            if (held.TryGetValue(b, out var node))
            {
                order.Remove(node);
                order.AddLast(node);
                continue;
            }
            held[b] = order.AddLast(b);
            UsedBytes += catalog.Block(b).Bytes;
            Version++;
            BlockChanged?.Invoke(b, true);
        }
        Evict();
    }

    private void Evict()
    {
        var node = order.First;
        while (UsedBytes > CapacityBytes && node is not null)
        {
            var next = node.Next;
            if (!pins.ContainsKey(node.Value))
            {
                UsedBytes -= catalog.Block(node.Value).Bytes;
                held.Remove(node.Value);
                order.Remove(node);
                Evictions++;
                Version++;
                BlockChanged?.Invoke(node.Value, false);
            }
            node = next;
        }
    }
}
