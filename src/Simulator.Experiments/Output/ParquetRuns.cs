using Parquet;
using Parquet.Schema;

namespace Simulator.Experiments;

/// <summary>runs.parquet: the rows of runs.csv, typed (ints for the grid, strings for labels, doubles for metrics), for dataframe tools.</summary>
public static class ParquetRuns
{
    public static void Write(ExperimentSpec spec, IReadOnlyList<RunRecord> records, string path)
    {
        var point = new DataField<int>("point");
        var labels = spec.Sweep.Select(a => new DataField<string>(a.Path)).ToArray();
        var strategy = new DataField<string>("strategy");
        var replication = new DataField<int>("replication");
        var metrics = spec.Metrics.Names.Select(n => new DataField<double>(n)).ToArray();
        var schema = new ParquetSchema(new Field[] { point }.Concat(labels).Append(strategy).Append(replication).Concat(metrics).ToArray());
        WriteAsync().GetAwaiter().GetResult();

        async Task WriteAsync()
        {
            await using var stream = File.Create(path);
            await using var writer = await ParquetWriter.CreateAsync(schema, stream);
            using var group = writer.CreateRowGroup();
            await group.WriteAsync<int>(point, records.Select(r => r.Cell.Point).ToArray());
            for (int a = 0; a < labels.Length; a++)
                await group.WriteAsync(labels[a], records.Select(r => spec.Points[r.Cell.Point].Labels[spec.Sweep[a].Path]).ToArray());
            await group.WriteAsync(strategy, records.Select(r => spec.Strategies[r.Cell.Strategy].Label).ToArray());
            await group.WriteAsync<int>(replication, records.Select(r => r.Cell.Replication).ToArray());
            for (int m = 0; m < metrics.Length; m++)
                await group.WriteAsync<double>(metrics[m], records.Select(r => r.Metrics[m]).ToArray());
        }
    }
}
