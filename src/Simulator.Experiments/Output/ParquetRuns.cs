using System.Globalization;
using System.Text.Json;
using Parquet;
using Parquet.Schema;

namespace Simulator.Experiments;

/// <summary>
/// runs.parquet: the rows of runs.csv, typed for dataframe tools: integers for the grid and for the metrics that
/// count (nullable, null where runs.csv says NaN), doubles for the others, each swept setting in its own type (its
/// SI value as a double when every value is a number, the value as written otherwise). Each column's unit and
/// definition travel in the column's metadata (<c>unit</c>, <c>definition</c>), and the file's metadata holds them
/// all as JSON (<c>units</c>, <c>definitions</c>), where pandas and pyarrow read them.
/// </summary>
public static class ParquetRuns
{
    public static void Write(ExperimentSpec spec, IReadOnlyList<RunRecord> records, string path)
    {
        var point = new DataField<int>("point");
        // A swept setting whose every value is a number is stored as that number (in SI), any other as text.
        bool Numeric(SweepAxis axis) => spec.Points.All(pt => double.TryParse(pt.Labels[axis.Path], NumberStyles.Float, CultureInfo.InvariantCulture, out _));
        var numeric = spec.Sweep.Select(Numeric).ToArray();
        var labels = spec.Sweep.Select((a, i) => numeric[i] ? (Field)new DataField<double>(a.Path) : new DataField<string>(a.Path)).ToArray();
        var strategy = new DataField<string>("strategy");
        var replication = new DataField<int>("replication");
        var metrics = spec.Metrics.Metrics;
        var fields = metrics.Select(m => m.Unit.Integer ? (Field)new DataField<long?>(m.Name) : new DataField<double>(m.Name)).ToArray();
        var schema = new ParquetSchema(new Field[] { point }.Concat(labels).Append(strategy).Append(replication).Concat(fields).ToArray());
        WriteAsync().GetAwaiter().GetResult();

        async Task WriteAsync()
        {
            await using var stream = File.Create(path);
            await using var writer = await ParquetWriter.CreateAsync(schema, stream);
            writer.CustomMetadata = new Dictionary<string, string>
            {
                ["units"] = JsonSerializer.Serialize(metrics.ToDictionary(m => m.Name, m => m.Unit.Symbol)),
                ["definitions"] = JsonSerializer.Serialize(metrics.ToDictionary(m => m.Name, m => m.Definition)),
                ["scenario_kind"] = spec.Kind.Name,
            };
            using var group = writer.CreateRowGroup();
            await group.WriteAsync<int>(point, records.Select(r => r.Cell.Point).ToArray());
            for (int a = 0; a < labels.Length; a++)
            {
                var values = records.Select(r => spec.Points[r.Cell.Point].Labels[spec.Sweep[a].Path]).ToArray();
                if (numeric[a]) await group.WriteAsync<double>((DataField)labels[a], values.Select(v => double.Parse(v, NumberStyles.Float, CultureInfo.InvariantCulture)).ToArray());
                else await group.WriteAsync((DataField)labels[a], values);
            }
            await group.WriteAsync(strategy, records.Select(r => spec.Strategies[r.Cell.Strategy].Label).ToArray());
            await group.WriteAsync<int>(replication, records.Select(r => r.Cell.Replication).ToArray());
            for (int m = 0; m < metrics.Count; m++)
            {
                var meta = new Dictionary<string, string> { ["unit"] = metrics[m].Unit.Symbol, ["definition"] = metrics[m].Definition };
                if (metrics[m].Unit.Integer)
                    await group.WriteAsync<long>((DataField)fields[m], records.Select(r => r.Values[m] is var v && double.IsFinite(v) ? (long?)v : null).ToArray(), null, meta);
                else
                    await group.WriteAsync<double>((DataField)fields[m], records.Select(r => r.Values[m]).ToArray(), null, meta);
            }
        }
    }
}
