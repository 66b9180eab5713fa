namespace Simulator.Edge;

/// <summary>Where a new user stands, as its distance in metres from the base station at the site.</summary>
public abstract record Placement
{
    public abstract double DrawDistance(Random rng);
}

/// <summary>Uniform over the area of an annulus [MinRadius, MaxRadius] (the default, 10 m to 250 m).</summary>
public sealed record AnnulusPlacement(double MinRadius = 10, double MaxRadius = 250) : Placement
{
    public override double DrawDistance(Random rng)
    {
        if (!(MinRadius > 0 && MaxRadius >= MinRadius)) throw new ArgumentOutOfRangeException(nameof(MinRadius), $"An annulus needs 0 < min radius <= max radius, not [{MinRadius}, {MaxRadius}].");
        double a = MinRadius * MinRadius, b = MaxRadius * MaxRadius;
        return Math.Sqrt(a + (b - a) * rng.NextDouble());
    }
}

/// <summary>Users at the points of a square grid of the given spacing centred on the base station, inside the annulus; each user takes a point at random.</summary>
public sealed record GridPlacement : Placement
{
    private readonly double[] distances;

    public GridPlacement(double spacing, double minRadius = 10, double maxRadius = 250)
    {
        if (!(spacing > 0)) throw new ArgumentOutOfRangeException(nameof(spacing), spacing, "A grid spacing must be positive.");
        int n = (int)Math.Floor(maxRadius / spacing);
        var list = new List<double>();
        for (int i = -n; i <= n; i++)
            for (int j = -n; j <= n; j++)
            {
                double d = Math.Sqrt((i * spacing) * (i * spacing) + (j * spacing) * (j * spacing));
                if (d >= minRadius && d <= maxRadius) list.Add(d);
            }
        if (list.Count == 0) throw new ArgumentException($"No grid point of spacing {spacing} m lies between {minRadius} m and {maxRadius} m.");
        distances = list.ToArray();
        Spacing = spacing;
    }

    public double Spacing { get; }

    public IReadOnlyList<double> Distances => distances;

    public override double DrawDistance(Random rng) => distances[rng.Next(distances.Length)];
}

/// <summary>Users at coordinates from a CSV with the columns <c>x,y</c> (metres from the base station); each user takes a row at random.</summary>
public sealed record CsvPlacement : Placement
{
    private readonly double[] distances;

    /// <summary>The columns a placement file has, in any order: metres east and north of the base station.</summary>
    public static IReadOnlyList<string> Columns { get; } = ["x", "y"];

    public CsvPlacement(string sourceName, IReadOnlyList<string> lines)
    {
        var table = CsvTable.Parse(lines, "the columns x, y", (line, problem) => new FormatException($"{sourceName}:{line}: {problem}"));
        table.AllowOnly(Columns, "a placement file");
        int xAt = table.Column("x"), yAt = table.Column("y");
        var list = new List<double>();
        foreach (var row in table.Rows)
        {
            double x = row.Number(xAt), y = row.Number(yAt), d = Math.Sqrt(x * x + y * y);
            if (!double.IsFinite(d)) throw new FormatException($"{sourceName}:{row.Line}: ({row[xAt]}, {row[yAt]}) m is too far from the base station: its distance overflows.");
            if (!(d > 0)) throw new FormatException($"{sourceName}:{row.Line}: a user cannot stand at the base station itself.");
            list.Add(d);
        }
        if (list.Count == 0) throw new FormatException($"{sourceName}:2: the file has a header but no coordinates.");
        distances = list.ToArray();
    }

    public CsvPlacement(string path) : this(path, TextFile.ReadLines(path)) { }

    public IReadOnlyList<double> Distances => distances;

    public override double DrawDistance(Random rng) => distances[rng.Next(distances.Length)];
}
