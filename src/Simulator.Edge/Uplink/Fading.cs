namespace Simulator.Edge;

/// <summary>Small-scale fading kind: |h|^2 has mean 1 in each.</summary>
public enum FadingKind
{
    None,
    Rayleigh,
    Rician,
}

/// <summary>
/// Block fading: |h|^2 is constant within each coherence interval of length Tc (counted from t = 0) and
/// redrawn at each boundary. Independent draws are addressed by (user, block index), so the realisation
/// does not depend on when or how often it is queried: two strategies querying at different times see
/// the same channel. With Gauss-Markov correlation successive blocks follow h' = rho h + sqrt(1-rho^2) w,
/// rho = J0(2 pi f_D Tc), stepped from the user's first block.
/// </summary>
public sealed class Fading
{
    private readonly FadingKind kind;
    private readonly double riceK;
    private readonly double coherence;
    private readonly double? rho;
    private readonly ulong key;
    private long gmBlock = -1;
    private double gmRe, gmIm;

    public Fading(FadingKind kind, double coherenceSeconds, ulong userKey, double riceK = 0, double? gaussMarkovRho = null)
    {
        if (!(coherenceSeconds > 0)) throw new ArgumentOutOfRangeException(nameof(coherenceSeconds), coherenceSeconds, "The coherence time must be positive.");
        if (kind == FadingKind.Rician && !(riceK >= 0)) throw new ArgumentOutOfRangeException(nameof(riceK), riceK, "The Rician K factor must be non-negative.");
        if (gaussMarkovRho is { } r && !(r >= -1 && r <= 1)) throw new ArgumentOutOfRangeException(nameof(gaussMarkovRho), r, "A correlation lies in [-1, 1].");
        this.kind = kind;
        this.riceK = riceK;
        coherence = coherenceSeconds;
        rho = gaussMarkovRho;
        key = userKey;
    }

    /// <summary>|h|^2 at time <paramref name="t"/>.</summary>
    public double PowerGain(double t)
    {
        if (kind == FadingKind.None) return 1.0;
        long block = (long)Math.Floor(t / coherence);
        var (re, im) = rho is null ? Scatter(block) : Correlated(block);
        if (kind == FadingKind.Rayleigh) return re * re + im * im;
        double los = Math.Sqrt(riceK / (riceK + 1)), diffuse = Math.Sqrt(1 / (riceK + 1));
        double a = los + diffuse * re, b = diffuse * im;
        return a * a + b * b;
    }

    /// <summary>CN(0, 1) for a block: real and imaginary parts N(0, 1/2).</summary>
    private (double Re, double Im) Scatter(long block)
    {
        ulong k = RandomStreams.Mix(key ^ RandomStreams.Mix((ulong)block));
        double u1 = RandomStreams.Uniform(k), u2 = RandomStreams.Uniform(k + 1);
        double r = Math.Sqrt(-Math.Log(u1)); // sqrt(-2 ln u) * sqrt(1/2)
        return (r * Math.Cos(2 * Math.PI * u2), r * Math.Sin(2 * Math.PI * u2));
    }

    private (double Re, double Im) Correlated(long block)
    {
        if (gmBlock < 0 || block < gmBlock)
        {
            gmBlock = block;
            (gmRe, gmIm) = Scatter(block);
        }
        double p = rho!.Value, q = Math.Sqrt(1 - p * p);
        while (gmBlock < block)
        {
            gmBlock++;
            var (wr, wi) = Scatter(gmBlock);
            gmRe = p * gmRe + q * wr;
            gmIm = p * gmIm + q * wi;
        }
        return (gmRe, gmIm);
    }

    /// <summary>rho = J0(2 pi f_D Tc) with f_D = speed * carrier / c.</summary>
    public static double GaussMarkovRho(double speedMetresPerSecond, double carrierHz, double coherenceSeconds) =>
        BesselJ0(2 * Math.PI * speedMetresPerSecond * carrierHz / 299_792_458.0 * coherenceSeconds);

    /// <summary>J0 by its power series; accurate to about 1e-9 for |x| below 25, the range Doppler products reach.</summary>
    public static double BesselJ0(double x)
    {
        if (Math.Abs(x) > 25) throw new ArgumentOutOfRangeException(nameof(x), x, "J0 is evaluated by its series only for |x| <= 25.");
        double term = 1, sum = 1, q = x * x / 4;
        for (int k = 1; k < 200 && Math.Abs(term) > 1e-17; k++)
        {
            term *= -q / ((double)k * k);
            sum += term;
        }
        return sum;
    }
}
