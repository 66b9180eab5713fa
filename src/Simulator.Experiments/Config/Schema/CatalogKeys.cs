namespace Simulator.Experiments;

/// <summary>
/// The keys of a catalog description (<c>scenario.catalog</c>, or a catalog file that describes a generator): a
/// shipped catalog by name, a catalog file, or a generator with its parameters.
/// </summary>
public static class CatalogKeys
{
    private const string ProfileForm = "an inference profile: {alpha, beta} (seconds per batch and per request) or {table: [[batch size, time], ...]}";

    public static readonly TextKey Backbone = new("backbone", null, "The backbone the variants are fine-tuned from.", $"a backbone: {string.Join(", ", Edge.Backbone.BuiltIn.Select(b => b.Name))}",
        check: name => Edge.Backbone.BuiltIn.Any(b => b.Name == name) ? null : $"'{name}' is not a built-in backbone.{Edge.Spelling.Hint(name, Edge.Backbone.BuiltIn.Select(b => b.Name))} Built in: {string.Join(", ", Edge.Backbone.BuiltIn.Select(b => b.Name))}.");
    public static readonly IntegerKey Variants = new("variants", null, 1, 10_000, "How many variants (models) the cluster has.");
    public static readonly ValueKey Frozen = new("frozen", "a whole number of layers from 0, or a list of them (one per variant, cycled)", null, "How many of the backbone's first layers each variant keeps frozen (shared with its cluster).");
    public static readonly IntegerKey Classes = new("classes", 1000, 1, 10_000_000, "The classes of each variant's head.");
    public static readonly ValueKey ClusterProfile = new("profile", ProfileForm, "Clockwork's for resnet50", "The inference time per batch size; resnet50 defaults to Clockwork's measurements.");
    public static readonly QuantityKey ClusterActivation = new("activation", UnitKind.Bytes, null, Domain.NonNegative, "GPU memory each request of a batch takes besides the weights.");

    public static readonly SectionSchema Cluster = new("a cluster of catalog.clusters", "Variants fine-tuned from one backbone.", Backbone, Variants, Frozen, Classes, ClusterProfile, ClusterActivation);

    public static readonly IntegerKey Rank = new("rank", null, 1, 65_536, "The adapter's rank r.");
    public static readonly ChoiceKey<Edge.LoraTargets> Targets = new("targets", new (string, Func<Edge.LoraTargets>, string)[]
    {
        ("qv", () => Edge.LoraTargets.QV, "The attention's query and value projections."),
        ("all-linear", () => Edge.LoraTargets.AllLinear, "Every linear layer."),
    }, "qv", "Which layers the adapter adapts.");

    public static readonly SectionSchema Adapter = new("an adapter of catalog.adapters", "One LoRA adapter: one model.", Rank, Targets);

    public static readonly TextKey Name = new("name", null, "A catalog shipped with the simulator (experiments/catalogs/), by file name without .yaml.", dependsOn: "none");
    public static readonly ChoiceKey<string> Generate = new("generate", new (string, Func<string>, string)[]
    {
        ("backbone-sharing", () => "backbone-sharing", "Clusters of variants fine-tuned from one backbone, each freezing its first layers (the first paper's)."),
        ("general", () => "general", "Models whose blocks are drawn from a shared pool, each with a probability."),
        ("lora", () => "lora", "LoRA adapters on one base model."),
        ("pfm", () => "pfm", "The second paper's model families, drawn anew each replication (network kinds only)."),
    }, "backbone-sharing", "How the catalog is made when no name or file gives it.", noun: "a catalog generator");
    public static readonly TextKey File = new("file", null, "A catalog file (blocks and models), relative to the experiment; its SHA-256 joins the config.", "a path", dependsOn: "none");
    public static readonly ListKey Clusters = new("clusters", "clusters", "backbone-sharing: the clusters of variants.", Cluster);
    public static readonly ListKey Adapters = new("adapters", "adapters", "lora: the adapters, one model each.", Adapter);
    public static readonly IntegerKey Models = new("models", null, 1, 10_000, "general: how many models.");
    public static readonly IntegerKey BlocksPerModel = new("blocks_per_model", null, 1, 10_000, "general: blocks each model has (with the models, at most 10,000,000 blocks).");
    public static readonly IntegerKey Pool = new("pool", null, 1, 1_000_000, "general: the blocks models may share.");
    public static readonly NumberKey Share = new("share", null, Domain.NonNegative, "general: the probability that a model's block comes from the pool.", max: 1);
    public static readonly ValueKey BlockSize = new("block_size", "[min, max], sizes (B, kB, MB, GB, ...)", null, "general: the range block sizes are drawn from, uniformly.");
    public static readonly ValueKey Profile = new("profile", ProfileForm, null, "general, lora: every model's inference time per batch size.");
    public static readonly QuantityKey Activation = new("activation", UnitKind.Bytes, null, Domain.NonNegative, "general, lora: GPU memory each request of a batch takes besides the weights.");
    public static readonly IntegerKey Seed = new("seed", 1, 0, int.MaxValue, "general: the seed of the generator's own draw.");

    /// <summary>A catalog as an experiment names it: <c>name</c> first.</summary>
    public static readonly SectionSchema Section = new("scenario.catalog", "The models and their blocks.",
        Name, Generate, File, Clusters, Adapters, Models, BlocksPerModel, Pool, Share, BlockSize, Profile, Activation, Seed);

    /// <summary>A catalog that a shipped or written file describes by its generator.</summary>
    public static readonly SectionSchema Description = new("catalog description", "A catalog file that describes a generator rather than listing blocks.",
        Generate, File, Clusters, Adapters, Models, BlocksPerModel, Pool, Share, BlockSize, Profile, Activation, Seed);


}
