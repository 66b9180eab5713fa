namespace Simulator.Edge;

/// <summary>A read-only set of block ids over a store that knows membership and enumeration; the set algebra is written once here.</summary>
public abstract class BlockIdSet : IReadOnlySet<string>
{
    public abstract int Count { get; }

    public abstract bool Contains(string item);

    public abstract IEnumerator<string> GetEnumerator();

    System.Collections.IEnumerator System.Collections.IEnumerable.GetEnumerator() => GetEnumerator();

    public bool IsProperSubsetOf(IEnumerable<string> other) => Copy().IsProperSubsetOf(other);

    public bool IsProperSupersetOf(IEnumerable<string> other) => Copy().IsProperSupersetOf(other);

    public bool IsSubsetOf(IEnumerable<string> other) => Copy().IsSubsetOf(other);

    public bool IsSupersetOf(IEnumerable<string> other) => other.All(Contains);

    public bool Overlaps(IEnumerable<string> other) => other.Any(Contains);

    public bool SetEquals(IEnumerable<string> other) => Copy().SetEquals(other);

    private HashSet<string> Copy() => new(this, StringComparer.Ordinal);
}
