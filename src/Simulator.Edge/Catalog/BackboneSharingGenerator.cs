namespace Simulator.Edge;

/// <summary>One cluster of fine-tuned variants of a backbone.</summary>
/// <param name="FrozenDepths">Frozen depth per variant, cycled when shorter than the number of variants.</param>
public sealed record ClusterSpec(string Backbone, int Variants, IReadOnlyList<int> FrozenDepths, int Classes, InferenceProfile Profile, long ActivationBytesPerSample);

/// <summary>
/// Builds the paper's "backbone-sharing" catalogs: each variant of a cluster freezes the bottom d layer
/// blocks of the cluster's backbone (shared with every variant frozen at least as deep) and owns the
/// layers above plus its head. Variants of different clusters share nothing.
/// </summary>
public static class BackboneSharingGenerator
{
    public static Catalog Build(IReadOnlyList<ClusterSpec> clusters)
    {
        var blocks = new List<Block>();
        var models = new List<Model>();
        for (int c = 0; c < clusters.Count; c++)
        {
            var spec = clusters[c];
            var backbone = Backbone.Find(spec.Backbone);
            string cluster = $"c{c}-{backbone.Name}";
            if (spec.Variants < 1) throw new CatalogException($"Cluster {c} ({backbone.Name}) needs at least one variant, not {spec.Variants}.");
            if (spec.FrozenDepths.Count == 0) throw new CatalogException($"Cluster {c} ({backbone.Name}) gives no frozen depth.");
            int layers = backbone.Layers.Count;
            foreach (int d in spec.FrozenDepths)
                if (d < 0 || d > layers) throw new CatalogException($"Cluster {c}: frozen depth {d} is outside 0..{layers}, the layer blocks of {backbone.Name}.");
            if (spec.Classes < 1) throw new CatalogException($"Cluster {c}: a head needs at least one class, not {spec.Classes}.");

            int deepest = spec.FrozenDepths.Max();
            for (int k = 0; k < deepest; k++)
                blocks.Add(new Block($"{cluster}/{backbone.Layers[k].Layer}", backbone.Layers[k].Parameters * backbone.BytesPerParameter, BlockKind.BackboneLayer));
            for (int v = 0; v < spec.Variants; v++)
            {
                int d = spec.FrozenDepths[v % spec.FrozenDepths.Count];
                string variant = $"{cluster}/v{v}";
                var ids = new List<string>();
                for (int k = 0; k < layers; k++)
                {
                    if (k < d) ids.Add($"{cluster}/{backbone.Layers[k].Layer}");
                    else
                    {
                        string id = $"{variant}/{backbone.Layers[k].Layer}";
                        blocks.Add(new Block(id, backbone.Layers[k].Parameters * backbone.BytesPerParameter, BlockKind.PrivateLayer));
                        ids.Add(id);
                    }
                }
                string head = $"{variant}/head";
                blocks.Add(new Block(head, backbone.HeadParameters(spec.Classes) * backbone.BytesPerParameter, BlockKind.Head));
                ids.Add(head);
                models.Add(new Model(variant, ids, spec.Profile, spec.ActivationBytesPerSample, Family: backbone.Name, Cluster: cluster));
            }
        }
        return new Catalog(blocks, models);
    }
}
