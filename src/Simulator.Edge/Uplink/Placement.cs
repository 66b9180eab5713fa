using System.Globalization;

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

/// <summary>Users at coordinates from a CSV with the header <c>x,y</c> (metres from the base station); each user takes a row at random.</summary>
public sealed record CsvPlacement : Placement
{
    private readonly double[] distances;

    public CsvPlacement(string sourceName, IReadOnlyList<string> lines)
    {
        if (lines.Count == 0 || lines[0].Replace(" ", "", StringComparison.Ordinal) != "x,y")
            throw new FormatException($"{sourceName}:1: expected the header 'x,y'.");
        var list = new List<double>();
        for (int i = 1; i < lines.Count; i++)
        {
            if (string.IsNullOrWhiteSpace(lines[i])) continue;
            var f = lines[i].Split(',');
            if (f.Length != 2 || !double.TryParse(f[0], NumberStyles.Float, CultureInfo.InvariantCulture, out double x) || !double.TryParse(f[1], NumberStyles.Float, CultureInfo.InvariantCulture, out double y))
                throw new FormatException($"{sourceName}:{i + 1}: expected two numbers 'x,y', found '{lines[i]}'.");
            double d = Math.Sqrt(x * x + y * y);
            if (!double.IsFinite(d)) throw new FormatException($"{sourceName}:{i + 1}: coordinates must be finite, not '{lines[i]}'.");
            if (!(d > 0)) throw new FormatException($"{sourceName}:{i + 1}: a user cannot stand at the base station itself.");
            list.Add(d);
        }
        if (list.Count == 0) throw new FormatException($"{sourceName}: no coordinates.");
        distances = list.ToArray();
    }

    public CsvPlacement(string path) : this(path, TextFile.ReadLines(path)) { }

    public IReadOnlyList<double> Distances => distances;

    public override double DrawDistance(Random rng) => distances[rng.Next(distances.Length)];
}
