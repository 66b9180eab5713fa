using System.Globalization;
using Simulator.Edge;
using Simulator.Edge.Network;

namespace Simulator.Experiments;

/// <summary>
/// A CSV of places with latitude and longitude columns (the EUA files: <c>CL_ID,LATITUDE,LONGITUDE,...</c>
/// for sites, <c>User_ID,Latitude,Longitude</c> for users), read at the file boundary: a missing column,
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

    public string Path { get; }

    public IReadOnlyList<(double Latitude, double Longitude)> Rows { get; }

    /// <summary>The content's SHA-256, so a results folder's hash covers what the file held.</summary>
    public string Hash { get; private init; } = "";

    public static CoordinatesFile Read(string path, YamlDoc at)
    {
        var lines = TextFile.ReadLines(path, (line, problem) => new ConfigException(path, line, "", problem));
        if (lines.Length == 0 || string.IsNullOrWhiteSpace(lines[0])) throw new ConfigException(path, 1, "", "expected a header with LATITUDE and LONGITUDE columns, found an empty file.");
        var header = lines[0].Split(',').Select(h => h.Trim()).ToArray();
        int Column(string name) => Array.FindIndex(header, h => string.Equals(h, name, StringComparison.OrdinalIgnoreCase)) is var i and >= 0 ? i
            : throw new ConfigException(path, 1, "", $"no '{name}' column; the header has {string.Join(", ", header)}.");
        int lat = Column("latitude"), lon = Column("longitude");
        bool hasId = header[0].EndsWith("id", StringComparison.OrdinalIgnoreCase) && header[0].Length > 2;
        var ids = new Dictionary<string, int>(StringComparer.Ordinal);
        var rows = new List<(double, double)>();
        for (int i = 1; i < lines.Length; i++)
        {
            if (string.IsNullOrWhiteSpace(lines[i])) continue;
            var f = lines[i].Split(',');
            if (f.Length <= Math.Max(lat, lon)) throw new ConfigException(path, i + 1, "", $"expected at least {Math.Max(lat, lon) + 1} fields, found {f.Length}.");
            double Number(int column, double limit)
            {
                string text = f[column].Trim();
                if (!double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out double v) || !double.IsFinite(v))
                    throw new ConfigException(path, i + 1, "", $"{header[column]} '{text}' is not a number.");
                if (Math.Abs(v) > limit) throw new ConfigException(path, i + 1, "", $"{header[column]} {v} is outside [-{limit}, {limit}] degrees.");
                return v;
            }
            if (hasId && !ids.TryAdd(f[0].Trim(), i + 1)) throw new ConfigException(path, i + 1, "", $"{header[0]} '{f[0].Trim()}' appears twice (first on line {ids[f[0].Trim()]}).");
            rows.Add((Number(lat, 90), Number(lon, 180)));
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
