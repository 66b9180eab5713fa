namespace Simulator.Edge.Network;

/// <summary>A place on the plane in metres: cloudlets and users. Coordinates files are projected onto it at the file boundary.</summary>
public readonly record struct Position(double X, double Y)
{
    public static Position operator -(Position a, Position b) => new(a.X - b.X, a.Y - b.Y);

    public double DistanceTo(Position other) => Math.Sqrt((X - other.X) * (X - other.X) + (Y - other.Y) * (Y - other.Y));

    /// <summary>Uniform in the square [0, side]^2, the synthetic placement of cloudlets and users.</summary>
    public static Position Uniform(Random rng, double side) => new(side * rng.NextDouble(), side * rng.NextDouble());

    /// <summary>
    /// Latitude/longitude (degrees) onto metres by the equirectangular projection around a reference latitude:
    /// exact enough over a city (the EUA Melbourne CBD area is about 3 km across).
    /// </summary>
    public static Position FromDegrees(double latitude, double longitude, double referenceLatitude)
    {
        const double metresPerDegree = 6_371_000 * Math.PI / 180;
        return new(longitude * metresPerDegree * Math.Cos(referenceLatitude * Math.PI / 180), latitude * metresPerDegree);
    }
}
