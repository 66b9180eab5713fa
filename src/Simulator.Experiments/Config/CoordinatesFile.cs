using Simulator.Edge;
using Simulator.Edge.Network;

namespace Simulator.Experiments;

/// <summary>
/// A CSV of places with latitude and longitude columns (the EUA files: <c>CL_ID,LATITUDE,LONGITUDE,...</c>
/// for sites, <c>User_ID,Latitude,Longitude</c> for users; other columns are theirs and not read), read at the file boundary: a missing column,
/// a number that is not one, a duplicate id (the first column, when its name ends in "id") or no rows is an
/// error with the file and line. Places are projected onto metres around a frame's origin, so sites and
/// users read from two files share one plane.
/// </summary>
public sealed class CoordinatesFile
{
    private CoordinatesFile(string path, IReadOnlyList<(double Latitude, double Longitude)> rows)
    {
        Path = path;
        Rows = rows;
    }

    /// <summary>The columns read, in any case and order (the file may have others).</summary>
    public static IReadOnlyList<string> Columns { get; } = ["latitude", "longitude"];

    public string Path { get; }

    public IReadOnlyList<(double Latitude, double Longitude)> Rows { get; }

    /// <summary>The content's SHA-256, so a results folder's hash covers what the file held.</summary>
    public string Hash { get; private init; } = "";

    public static CoordinatesFile Read(string path)
    {
        Exception Error(int line, string problem) => new ConfigException(path, line, "", problem);
        var table = CsvTable.Parse(TextFile.ReadLines(path, Error), "LATITUDE and LONGITUDE columns", Error);
        int lat = table.Column(Columns[0]), lon = table.Column(Columns[1]);
        string first = table.Header[0];
        bool hasId = first.EndsWith("id", StringComparison.OrdinalIgnoreCase) && first.Length > 2;
        var ids = new Dictionary<string, int>(StringComparer.Ordinal);
        var rows = new List<(double, double)>();
        foreach (var row in table.Rows)
        {
            double Degrees(int column, double limit)
            {
                double v = row.Number(column);
                if (Math.Abs(v) > limit) throw Error(row.Line, $"{table.Header[column]} {v} is outside [-{limit}, {limit}] degrees.");
                return v;
            }
            if (hasId && !ids.TryAdd(row[0], row.Line)) throw Error(row.Line, $"{first} '{row[0]}' appears twice (first on line {ids[row[0]]}).");
            rows.Add((Degrees(lat, 90), Degrees(lon, 180)));
        }
        if (rows.Count == 0) throw new ConfigException(path, 1, "", "the file has a header but no rows.");
        return new CoordinatesFile(path, rows) { Hash = FileHash.Of(path) };
    }

    /// <summary>The rows on the plane whose origin is the south-west corner (<paramref name="south"/>, <paramref name="west"/>).</summary>
    public IReadOnlyList<Position> Project(double south, double west, double referenceLatitude)
    {
        var origin = Position.FromDegrees(south, west, referenceLatitude);
        return Rows.Select(r => Position.FromDegrees(r.Latitude, r.Longitude, referenceLatitude) - origin).ToArray();
    }
}
