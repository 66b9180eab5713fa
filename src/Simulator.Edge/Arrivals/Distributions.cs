namespace Simulator.Edge;

/// <summary>A non-negative quantity drawn per request (input bytes, deadline budgets).</summary>
public abstract record Quantity
{
    public abstract double Draw(Random rng);

    /// <summary>The largest value a draw can take.</summary>
    public abstract double Max { get; }
}

public sealed record ConstantQuantity(double Value) : Quantity
{
    public override double Draw(Random rng) => Value;

    public override double Max => Value;
}

public sealed record UniformQuantity(double Low, double High) : Quantity
{
    public override double Draw(Random rng) => Edge.Draw.Uniform(rng, Low, High);

    public override double Max => High;
}

/// <summary>Which model a request asks for.</summary>
public abstract record Popularity
{
    /// <summary>Weights over <paramref name="catalog"/>'s models, in catalog order.</summary>
    public abstract double[] Weights(Catalog catalog);

    /// <summary>A cumulative table for <see cref="Draw.Categorical"/>.</summary>
    public double[] Cumulative(Catalog catalog)
    {
        var w = Weights(catalog);
        var c = new double[w.Length];
        double sum = 0;
        for (int i = 0; i < w.Length; i++) c[i] = sum += w[i];
        if (!(sum > 0)) throw new CatalogException("popularity weights must give at least one model a weight above 0: no request could name a model.");
        if (!double.IsFinite(sum)) throw new CatalogException("popularity weights must add up to a finite number (they are relative: scale them down).");
        return c;
    }
}

/// <summary>Zipf over the catalog in its listed order: weight of rank r is 1 / r^s.</summary>
public sealed record ZipfPopularity(double S = 0.8) : Popularity
{
    public override double[] Weights(Catalog catalog) =>
        Enumerable.Range(1, catalog.Models.Count).Select(r => Math.Pow(r, -S)).ToArray();
}

/// <summary>Explicit weights by model id; models not named get weight 0.</summary>
public sealed record ExplicitPopularity(IReadOnlyDictionary<string, double> ByModel) : Popularity
{
    public override double[] Weights(Catalog catalog)
    {
        foreach (var (id, w) in ByModel)
        {
            if (!catalog.Contains(id)) throw new CatalogException($"Popularity names model '{id}', which is not in the catalog.");
            if (!(w >= 0)) throw new CatalogException($"Popularity weight of '{id}' is {w}; weights must be non-negative.");
        }
        return catalog.Models.Select(m => ByModel.TryGetValue(m.Id, out var w) ? w : 0).ToArray();
    }
}
