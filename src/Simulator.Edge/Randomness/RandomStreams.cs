namespace Simulator.Edge;

/// <summary>
/// Every random stream of a run, derived from one root seed by hashing (root, stream name, index), so a
/// stream's draws do not depend on how many draws any other stream made. This is what gives common
/// random numbers across strategies: arrivals, users and channels read their own streams, which no
/// decision can shift.
/// </summary>
public sealed class RandomStreams(ulong rootSeed)
{
    public ulong RootSeed { get; } = rootSeed;

    /// <summary>A generator for the named stream; the same name and index always give the same sequence.</summary>
    public Random Stream(string name, long index = 0) => new(unchecked((int)Seed(name, index)));

    /// <summary>A family of streams of its own, derived from this one's root (a cloudlet's site and cell in a network).</summary>
    public RandomStreams For(string scope, long index) => new(Seed(scope, index));

    /// <summary>The 64-bit seed of a stream; also usable for hashing a draw to a key (see <see cref="Uniform"/>).</summary>
    public ulong Seed(string name, long index = 0) => Mix(Mix(RootSeed ^ Fnv1a(name)) ^ (ulong)index);

    /// <summary>A uniform draw in (0, 1) addressed by key rather than by position in a sequence.</summary>
    public static double Uniform(ulong key) => ((Mix(key) >> 11) + 0.5) * (1.0 / (1UL << 53));

    /// <summary>SplitMix64's finaliser: a bijective mixer with good avalanche.</summary>
    public static ulong Mix(ulong z)
    {
        unchecked
        {
            z += 0x9E3779B97F4A7C15UL;
            z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
            z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
            return z ^ (z >> 31);
        }
    }

    private static ulong Fnv1a(string s)
    {
        ulong h = 14695981039346656037UL;
        foreach (char c in s)
        {
            h ^= c;
            h = unchecked(h * 1099511628211UL);
        }
        return h;
    }
}
