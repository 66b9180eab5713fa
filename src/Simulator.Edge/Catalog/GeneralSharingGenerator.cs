namespace Simulator.Edge;

/// <summary>
/// What a random general-sharing catalog looks like: <c>Models</c> models of <c>BlocksPerModel</c>
/// blocks; each block slot is, with probability <c>ShareProbability</c>, drawn from a common pool of
/// <c>PoolSize</c> blocks (so sharing happens at arbitrary positions and across any models) and
/// otherwise private. Block sizes are uniform in [MinBlockBytes, MaxBlockBytes].
/// </summary>
public sealed record GeneralSharingSpec(int Models, int BlocksPerModel, int PoolSize, double ShareProbability, long MinBlockBytes, long MaxBlockBytes, InferenceProfile Profile, long ActivationBytesPerSample);

/// <summary>Builds random general-sharing catalogs; the same spec and stream give the same catalog.</summary>
public static class GeneralSharingGenerator
{
    public static Catalog Build(GeneralSharingSpec spec, Random rng)
    {
        if (spec.Models < 1 || spec.BlocksPerModel < 1) throw new CatalogException($"A catalog needs at least one model of at least one block (got {spec.Models} of {spec.BlocksPerModel}).");
        if (spec.PoolSize < 0) throw new CatalogException($"The shared pool cannot hold {spec.PoolSize} blocks.");
        if (!(spec.ShareProbability >= 0 && spec.ShareProbability <= 1)) throw new CatalogException($"The share probability {spec.ShareProbability} is not in [0, 1].");
        if (spec.ShareProbability > 0 && spec.PoolSize < spec.BlocksPerModel)
            throw new CatalogException($"A pool of {spec.PoolSize} blocks cannot fill {spec.BlocksPerModel} distinct shared slots of one model.");
        if (spec.MinBlockBytes < 0 || spec.MaxBlockBytes < spec.MinBlockBytes) throw new CatalogException($"Block sizes [{spec.MinBlockBytes}, {spec.MaxBlockBytes}] are not a range of non-negative sizes.");

        long Size() => spec.MinBlockBytes + (long)(rng.NextDouble() * (spec.MaxBlockBytes - spec.MinBlockBytes));
        var blocks = Enumerable.Range(0, spec.PoolSize).Select(p => new Block($"pool{p}", Size(), BlockKind.Unspecified)).ToList();
        var usedPool = new HashSet<string>();
        var models = new List<Model>();
        for (int m = 0; m < spec.Models; m++)
        {
            var ids = new List<string>();
            var taken = new HashSet<int>();
            for (int slot = 0; slot < spec.BlocksPerModel; slot++)
            {
                if (rng.NextDouble() < spec.ShareProbability)
                {
                    int p;
                    do p = rng.Next(spec.PoolSize); while (!taken.Add(p));
                    ids.Add($"pool{p}");
                    usedPool.Add($"pool{p}");
                }
                else
                {
                    var own = new Block($"m{m}/own{slot}", Size(), BlockKind.PrivateLayer);
                    blocks.Add(own);
                    ids.Add(own.Id);
                }
            }
            models.Add(new Model($"m{m}", ids, spec.Profile, spec.ActivationBytesPerSample, Family: "general"));
        }
        // Pool blocks no model drew are not part of the catalog.
        return new Catalog(blocks.Where(b => !b.Id.StartsWith("pool", StringComparison.Ordinal) || usedPool.Contains(b.Id)), models);
    }
}
