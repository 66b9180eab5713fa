namespace Simulator.Edge.Network;

/// <summary>
/// What a request's N context features are (network.md section 5), each request's on its own stream, so every
/// strategy (learners included) sees the same contexts.
/// </summary>
public abstract record ContextModel(int Features)
{
    /// <summary>The structure drawn once per run (which features inform, accuracy per task type).</summary>
    public abstract ContextWorld Draw(int models, RandomStreams streams);
}

/// <summary>A run's context structure: it draws each request's features and, where it drives it, its accuracy per model.</summary>
public abstract class ContextWorld
{
    /// <summary>The request's features, its hidden task type (-1 if none) and its accuracy per model (null: the usual U(0.4, 1) draws).</summary>
    public abstract (double[] Features, int Type, double[]? Accuracy) Request(int id, RandomStreams streams);

    /// <summary>The features that carry information about the best model (empty when none do).</summary>
    public abstract IReadOnlySet<int> Informative { get; }
}

/// <summary>
/// The authors' construction (<c>Test/context.py</c>): c_j = (j + 1) c_0 with c_0 ~ U(0, 100)^N. Every context
/// is the same direction scaled by the request's index, so it says nothing about which model is best: a
/// learner can only learn a model's mean penalty.
/// </summary>
public sealed record PaperContext(int Features) : ContextModel(Features)
{
    public override ContextWorld Draw(int models, RandomStreams streams)
    {
        var rng = streams.Stream("network:context-base");
        return new World(Enumerable.Range(0, Features).Select(_ => 100 * rng.NextDouble()).ToArray());
    }

    private sealed class World(double[] c0) : ContextWorld
    {
        public override (double[], int, double[]?) Request(int id, RandomStreams streams) => (c0.Select(c => (id + 1) * c).ToArray(), -1, null);

        public override IReadOnlySet<int> Informative { get; } = new HashSet<int>();
    }
}

/// <summary>
/// Hidden task types (the default): each request has a type drawn from T; model k's accuracy on type t is
/// acc[k, t] ~ U(accuracy range), drawn once per run; d_inf of the N features, at random positions, are noisy
/// signals of the type (feature q of them is 1 when the type is q mod T, plus N(0, noise^2)), the others pure
/// N(0, 1) noise. So the best model depends on a type a learner can read from a few features, if it finds them.
/// </summary>
public sealed record LatentContext(int Features, int Types = 5, int Informative = 5, double Noise = 0.3, double AccuracyMin = 0.4, double AccuracyMax = 1) : ContextModel(Features)
{
    public override ContextWorld Draw(int models, RandomStreams streams)
    {
        if (Informative > Features) throw new ArgumentException($"{Informative} informative features of {Features}.");
        var rng = streams.Stream("network:context-structure");
        var positions = Enumerable.Range(0, Features).OrderBy(_ => rng.NextDouble()).Take(Informative).ToArray();
        var accuracy = new double[models, Types];
        for (int k = 0; k < models; k++)
            for (int t = 0; t < Types; t++) accuracy[k, t] = AccuracyMin + (AccuracyMax - AccuracyMin) * rng.NextDouble();
        return new World(this, positions, accuracy, models);
    }

    private sealed class World(LatentContext spec, int[] positions, double[,] accuracy, int models) : ContextWorld
    {
        public override IReadOnlySet<int> Informative { get; } = positions.ToHashSet();

        public override (double[], int, double[]?) Request(int id, RandomStreams streams)
        {
            var rng = streams.Stream("network:context", id);
            int type = rng.Next(spec.Types);
            var x = new double[spec.Features];
            for (int i = 0; i < x.Length; i++) x[i] = Edge.Draw.StandardNormal(rng);
            for (int q = 0; q < positions.Length; q++) x[positions[q]] = (type == q % spec.Types ? 1 : 0) + spec.Noise * Edge.Draw.StandardNormal(rng);
            return (x, type, Enumerable.Range(0, models).Select(k => accuracy[k, type]).ToArray());
        }
    }
}
