namespace Simulator.Edge;

/// <summary>
/// A built-in backbone from public parameter counts (docs/site.md section 1): its layer blocks in
/// loading order (stem or embedding first; these are what a variant freezes a prefix of), the feature
/// width its classification head takes, and the bytes per parameter.
/// </summary>
public sealed record Backbone(string Name, IReadOnlyList<(string Layer, long Parameters)> Layers, int Features, int BytesPerParameter)
{
    /// <summary>Parameters of a classification head for <paramref name="classes"/> classes: features * C + C.</summary>
    public long HeadParameters(int classes) => (long)Features * classes + classes;

    public long LayerParameters => Layers.Sum(l => l.Parameters);

    public static IReadOnlyList<Backbone> BuiltIn { get; } = new[]
    {
        ResNet("resnet18", 9_536, 147_968, 525_568, 2_099_712, 8_393_728, 512),
        ResNet("resnet34", 9_536, 221_952, 1_116_416, 6_822_400, 13_114_368, 512),
        ResNet("resnet50", 9_536, 215_808, 1_219_584, 7_098_368, 14_964_736, 2048),
        ResNet("resnet101", 9_536, 215_808, 1_219_584, 26_090_496, 14_964_736, 2048),
        ResNet("resnet152", 9_536, 215_808, 2_339_840, 40_613_888, 14_964_736, 2048),
        Transformer("vit-b16", ("embedding", 742_656), 12, 7_087_872, ("norm", 1_536), 768, 4),
        Transformer("bert-base", ("embeddings", 23_837_184), 12, 7_087_872, ("pooler", 590_592), 768, 4),
        // Llama-2-7B in fp16: 32 decoder layers of 4*4096^2 (attention) + 3*4096*11008 (MLP) + 2*4096
        // (norms) parameters; embeddings 32000*4096; the LM head and final norm count as the top layer.
        Transformer("llama2-7b", ("embeddings", 131_072_000), 32, 202_383_360, ("norm+lm-head", 131_076_096), 4096, 2),
    };

    public static Backbone Find(string name) =>
        BuiltIn.FirstOrDefault(b => b.Name == name)
        ?? throw new CatalogException($"Unknown backbone '{name}'.{Spelling.Hint(name, BuiltIn.Select(b => b.Name))} Built in: {string.Join(", ", BuiltIn.Select(b => b.Name))}.");

    private static Backbone ResNet(string name, long stem, long s1, long s2, long s3, long s4, int features) =>
        new(name, new[] { ("stem", stem), ("stage1", s1), ("stage2", s2), ("stage3", s3), ("stage4", s4) }, features, 4);

    private static Backbone Transformer(string name, (string, long) bottom, int layers, long perLayer, (string, long) top, int features, int bytes)
    {
        var list = new List<(string, long)> { bottom };
        for (int i = 1; i <= layers; i++) list.Add(($"layer{i}", perLayer));
        list.Add(top);
        return new Backbone(name, list, features, bytes);
    }
}
