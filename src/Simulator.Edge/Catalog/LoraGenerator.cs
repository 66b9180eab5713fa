namespace Simulator.Edge;

/// <summary>The weight matrices of a Llama-style decoder layer a LoRA adapter may target.</summary>
[Flags]
public enum LoraTargets
{
    Q = 1, K = 2, V = 4, O = 8, Gate = 16, Up = 32, Down = 64,
    QV = Q | V,
    AllLinear = Q | K | V | O | Gate | Up | Down,
}

/// <summary>
/// Catalogs of LoRA adapters over one frozen base model (Llama-2-7B by default): every variant lists all
/// of the base's layer blocks, shared by every variant, plus one adapter block of its own, loaded last.
/// An adapter of rank r on a d_in x d_out matrix has r (d_in + d_out) parameters per layer.
/// </summary>
public static class LoraGenerator
{
    /// <summary>Llama-2-7B's hidden and MLP widths, and its decoder layer count.</summary>
    public const int Hidden = 4096, Intermediate = 11008, Layers = 32;

    public static long AdapterParameters(int rank, LoraTargets targets)
    {
        if (rank < 1) throw new CatalogException($"A LoRA rank must be at least 1, not {rank}.");
        long perLayer = 0;
        foreach (var t in new[] { LoraTargets.Q, LoraTargets.K, LoraTargets.V, LoraTargets.O })
            if (targets.HasFlag(t)) perLayer += (long)rank * (Hidden + Hidden);
        if (targets.HasFlag(LoraTargets.Gate)) perLayer += (long)rank * (Hidden + Intermediate);
        if (targets.HasFlag(LoraTargets.Up)) perLayer += (long)rank * (Hidden + Intermediate);
        if (targets.HasFlag(LoraTargets.Down)) perLayer += (long)rank * (Intermediate + Hidden);
        return perLayer * Layers;
    }

    /// <param name="adapters">Rank and targets of each adapter, one model each.</param>
    public static Catalog Build(IReadOnlyList<(int Rank, LoraTargets Targets)> adapters, InferenceProfile profile, long activationBytesPerSample, string backbone = "llama2-7b")
    {
        if (adapters.Count == 0) throw new CatalogException("A LoRA catalog needs at least one adapter.");
        var b = Backbone.Find(backbone);
        var blocks = b.Layers.Select(l => new Block($"{b.Name}/{l.Layer}", l.Parameters * b.BytesPerParameter, BlockKind.Base)).ToList();
        var models = new List<Model>();
        for (int i = 0; i < adapters.Count; i++)
        {
            var (rank, targets) = adapters[i];
            string adapter = $"{b.Name}/lora{i}-r{rank}";
            blocks.Add(new Block(adapter, AdapterParameters(rank, targets) * b.BytesPerParameter, BlockKind.Adapter));
            models.Add(new Model($"{b.Name}+lora{i}", b.Layers.Select(l => $"{b.Name}/{l.Layer}").Append(adapter).ToArray(), profile, activationBytesPerSample, Family: b.Name, Base: b.Name));
        }
        return new Catalog(blocks, models);
    }
}
