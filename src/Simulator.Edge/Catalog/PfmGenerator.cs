namespace Simulator.Edge;

/// <summary>The paper's families of fine-tuned foundation models (network.md section 2).</summary>
/// <param name="Models">K.</param>
/// <param name="Families">|S|; a model's family is drawn uniformly, as the authors' code draws its service type.</param>
/// <param name="BaseBlocks">Layer blocks each family's base is split into (1: the paper's one shared part).</param>
public sealed record PfmSpec(int Models, int Families, double MinGB = 5, double MaxGB = 20, double MinIntensity = 100, double MaxIntensity = 300, int BaseBlocks = 1);

/// <summary>
/// Draws the paper's model families as a block catalog. The authors give every model a shareable subset
/// of 2/3 of its own size, so siblings' "shared" parts would differ in size; shared blocks cannot. Here each
/// family s has one base of B_s = (2/3) U(5, 20) GB and each model a task part of T_k = (1/3) U(5, 20) GB,
/// so |M_k| = B_s + T_k keeps the paper's range (5-20 GB) and mean (12.5 GB). A family with one model
/// shares nothing: its base is that model's own. Compute intensity phi_k ~ U(100, 300).
/// </summary>
public static class PfmGenerator
{
    /// <param name="profile">The GPU profile of every model, read only where a cloudlet runs a site.</param>
    public static Catalog Build(PfmSpec spec, InferenceProfile profile, long activationBytesPerSample, Random rng)
    {
        if (spec.Models < 1) throw new CatalogException($"A pfm catalog needs at least one model, not {spec.Models}.");
        if (spec.Families < 1 || spec.Families > spec.Models) throw new CatalogException($"A pfm catalog needs 1 to {spec.Models} families (one per model at most), not {spec.Families}.");
        if (!(spec.MinGB > 0) || spec.MaxGB < spec.MinGB) throw new CatalogException($"Model sizes need 0 < min <= max, not {spec.MinGB}-{spec.MaxGB} GB.");
        if (!(spec.MinIntensity > 0) || spec.MaxIntensity < spec.MinIntensity) throw new CatalogException($"Compute intensities need 0 < min <= max, not {spec.MinIntensity}-{spec.MaxIntensity}.");
        if (spec.BaseBlocks < 1) throw new CatalogException($"A base needs at least one block, not {spec.BaseBlocks}.");
        var blocks = new List<Block>();
        var baseIds = new string[spec.Families][];
        for (int s = 0; s < spec.Families; s++)
        {
            double bytes = 2.0 / 3 * Draw.Uniform(rng, spec.MinGB, spec.MaxGB) * Units.GB;
            baseIds[s] = new string[spec.BaseBlocks];
            long each = (long)Math.Round(bytes / spec.BaseBlocks);
            for (int b = 0; b < spec.BaseBlocks; b++)
            {
                baseIds[s][b] = spec.BaseBlocks == 1 ? $"f{s}/base" : $"f{s}/base{b}";
                blocks.Add(new Block(baseIds[s][b], each, BlockKind.Base));
            }
        }
        var models = new List<Model>();
        for (int k = 0; k < spec.Models; k++)
        {
            int family = rng.Next(spec.Families);
            string task = $"m{k}/task";
            blocks.Add(new Block(task, (long)Math.Round(1.0 / 3 * Draw.Uniform(rng, spec.MinGB, spec.MaxGB) * Units.GB), BlockKind.TaskPart));
            double phi = Draw.Uniform(rng, spec.MinIntensity, spec.MaxIntensity);
            models.Add(new Model($"m{k}", baseIds[family].Append(task).ToArray(), profile, activationBytesPerSample, Family: $"f{family}", Base: $"f{family}", ComputeIntensity: phi));
        }
        // A family no model drew has no user: drop its base blocks.
        var used = models.SelectMany(m => m.BlockIds).ToHashSet(StringComparer.Ordinal);
        return new Catalog(blocks.Where(b => used.Contains(b.Id)), models);
    }
}
