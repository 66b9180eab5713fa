namespace Simulator.Kernel;

/// <summary>
/// O'Neill's PCG32 generator (64-bit LCG state, XSH-RR output), seeded as SimSharp seeds it, so a
/// SimSharp model draws the same numbers for the same seed.
/// </summary>
public sealed class PcgRandom : IRandom
{
    private const ulong Multiplier = 6364136223846793005UL;
    private const ulong DefaultStream = 721347520444481703UL;
    private const double UnitScale = 1.0 / 4294967296.0;

    private ulong state;
    private ulong increment;

    /// <summary>A stream seeded from the clock and a GUID, as SimSharp's parameterless PcgRandom.</summary>
    public PcgRandom() : this(unchecked(((ulong)(uint)(System.Environment.TickCount ^ Guid.NewGuid().GetHashCode()) << 32)
                                       | (uint)(System.Environment.TickCount ^ Guid.NewGuid().GetHashCode())))
    {
    }

    public PcgRandom(int seed) : this(unchecked((ulong)seed)) { }

    private PcgRandom(ulong seed) => Initialise(seed);

    public void Reinitialise(int seed) => Initialise(unchecked((ulong)seed));

    // The reference initialisation: state 0, one step, add the seed, one more step.
    private void Initialise(ulong seed)
    {
        increment = (DefaultStream << 1) | 1;
        state = 0;
        NextUInt();
        state = unchecked(state + seed);
        NextUInt();
    }

    public uint NextUInt()
    {
        ulong old = state;
        state = unchecked(old * Multiplier + increment);
        uint xorShifted = (uint)(((old >> 18) ^ old) >> 27);
        int rotation = (int)(old >> 59);
        return (xorShifted >> rotation) | (xorShifted << (-rotation & 31));
    }

    public int Next() => (int)(NextUInt() >> 1);

    public int Next(int upperBound)
    {
        if (upperBound <= 0) throw new ArgumentException("The upper bound must be positive.", nameof(upperBound));
        return (int)Below((uint)upperBound);
    }

    public int Next(int lowerBound, int upperBound)
    {
        if (upperBound <= lowerBound) throw new ArgumentException("The upper bound must exceed the lower bound.", nameof(upperBound));
        return unchecked((int)(Below((uint)(upperBound - lowerBound)) + (uint)lowerBound));
    }

    public double NextDouble() => NextUInt() * UnitScale;

    // Rejection below 2^32 mod n keeps every residue equally likely.
    private uint Below(uint n)
    {
        uint threshold = unchecked((uint)-n) % n;
        while (true)
        {
            uint r = NextUInt();
            if (r >= threshold) return r % n;
        }
    }
}
