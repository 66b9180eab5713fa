using System.Globalization;
using System.Text;
using System.Text.Json;
using Simulator.Edge;

namespace Simulator.Experiments;

/// <summary>
/// traces/ (docs/experiments.md): for replication 0 of every sweep point and strategy, the cell simulated again
/// with its timeline recorded, written as requests.csv (each request's arrival, batch phases, outcome),
/// batches.csv (each batch's model, size, bytes per tier and phases) and trace.json, Chrome trace events that
/// Perfetto and chrome://tracing open: one track per device (uplink, disk, PCIe, GPU). Each table holds at most
/// the trace's rows; what it covers is returned for the report.
/// </summary>
public static class TraceWriter
{
    /// <summary>Writes every traced cell's files under <paramref name="directory"/>/traces; one line per cell says what it holds.</summary>
    public static IReadOnlyList<string> WriteAll(ExperimentSpec spec, string directory)
    {
        if (spec.Trace is not { } trace) return Array.Empty<string>();
        var cells = Enumerable.Range(0, spec.Points.Count).SelectMany(p => Enumerable.Range(0, spec.Strategies.Count).Select(s => new Cell(p, s, 0))).ToArray();
        var lines = new string[cells.Length];
        Parallel.For(0, cells.Length, i =>
        {
            var cell = cells[i];
            var (_, timeline) = Runner.Timeline(spec, cell, trace.Rows);
            string name = Folder(spec, cell);
            string folder = Path.Combine(directory, "traces", name);
            Directory.CreateDirectory(folder);
            File.WriteAllText(Path.Combine(folder, "requests.csv"), RequestsCsv(timeline));
            File.WriteAllText(Path.Combine(folder, "batches.csv"), BatchesCsv(timeline));
            File.WriteAllBytes(Path.Combine(folder, "trace.json"), Json(timeline, $"{spec.Strategies[cell.Strategy].Label}, point {cell.Point}"));
            lines[i] = string.Create(CultureInfo.InvariantCulture,
                $"`traces/{name}/`: {timeline.Requests.Count:N0} of {timeline.RequestsSeen:N0} requests, {timeline.Batches.Count:N0} of {timeline.BatchesSeen:N0} batches (at most {trace.Rows:N0} rows a table)");
        });
        return lines;
    }

    /// <summary>p0-pl-dp: the point's index and the strategy's label, safe as a folder name.</summary>
    public static string Folder(ExperimentSpec spec, Cell cell) =>
        $"p{cell.Point}-" + new string(spec.Strategies[cell.Strategy].Label.Select(c => char.IsLetterOrDigit(c) || c is '-' or '.' ? c : '_').ToArray());

    public static string RequestsCsv(SiteTimeline timeline)
    {
        var sb = new StringBuilder("id,model,arrival,deadline,outcome,end,batch,batch_start,upload_end,load_start,load_end,inference_start,completion\n");
        foreach (var r in timeline.Requests)
            sb.AppendLine(string.Join(",", r.Id.ToString(CultureInfo.InvariantCulture), ResultWriter.Csv(r.ModelId), T(r.Arrival), T(r.Deadline), Name(r.Outcome), T(r.End),
                r.Batch < 0 ? "" : r.Batch.ToString(CultureInfo.InvariantCulture), T(r.BatchStart), T(r.UploadEnd), T(r.LoadStart), T(r.LoadEnd), T(r.InferenceStart), T(r.Completion)));
        return sb.ToString();
    }

    public static string BatchesCsv(SiteTimeline timeline)
    {
        var sb = new StringBuilder("batch,model,size,start,upload_end,load_start,load_end,inference_start,completion,bytes_disk,bytes_pcie,gpu_hits,ram_hits,blocks_missing\n");
        for (int i = 0; i < timeline.Batches.Count; i++)
        {
            var b = timeline.Batches[i];
            sb.AppendLine(string.Join(",", i.ToString(CultureInfo.InvariantCulture), ResultWriter.Csv(b.ModelId), b.RequestIds.Count.ToString(CultureInfo.InvariantCulture),
                T(b.Start), T(b.UploadEnd), T(b.LoadStart), T(b.LoadEnd), T(b.InferenceStart), T(b.Completion),
                b.Load.BytesFromDisk.ToString(CultureInfo.InvariantCulture), b.Load.BytesOverPcie.ToString(CultureInfo.InvariantCulture),
                b.Load.GpuHits.ToString(CultureInfo.InvariantCulture), b.Load.RamHits.ToString(CultureInfo.InvariantCulture), b.Load.Missing.ToString(CultureInfo.InvariantCulture)));
        }
        return sb.ToString();
    }

    /// <summary>
    /// Chrome trace events (the JSON object form): a process for the site, a thread per device named by metadata
    /// events, and a complete event ("X", microseconds) per busy span.
    /// </summary>
    public static byte[] Json(SiteTimeline timeline, string title)
    {
        using var buffer = new MemoryStream();
        using (var w = new Utf8JsonWriter(buffer))
        {
            w.WriteStartObject();
            w.WriteString("displayTimeUnit", "ms");
            w.WriteStartArray("traceEvents");
            Metadata(w, "process_name", 0, $"site ({title})");
            for (int d = 0; d < SiteTimeline.Devices.Count; d++) Metadata(w, "thread_name", d + 1, SiteTimeline.Devices[d]);
            for (int d = 0; d < SiteTimeline.Devices.Count; d++)
            {
                string device = SiteTimeline.Devices[d];
                foreach (var span in timeline.Spans(device))
                {
                    w.WriteStartObject();
                    w.WriteString("name", SpanName(timeline, span));
                    w.WriteString("ph", "X");
                    w.WriteNumber("pid", 1);
                    w.WriteNumber("tid", d + 1);
                    w.WriteNumber("ts", span.Start * 1e6);
                    w.WriteNumber("dur", (span.End - span.Start) * 1e6);
                    w.WriteStartObject("args");
                    if (span.Batch >= 0) w.WriteNumber("batch", span.Batch);
                    if (span.Bytes > 0) w.WriteNumber("bytes", span.Bytes);
                    w.WriteEndObject();
                    w.WriteEndObject();
                }
            }
            w.WriteEndArray();
            w.WriteEndObject();
        }
        return buffer.ToArray();
    }

    private static string SpanName(SiteTimeline timeline, DeviceSpan span)
    {
        string? model = span.Batch >= 0 && span.Batch < timeline.Batches.Count ? timeline.Batches[span.Batch].ModelId : null;
        return span.Device switch
        {
            "uplink" => model is null ? "upload" : $"upload {model}",
            "gpu" => model is null ? "inference" : $"inference {model}",
            "disk" => "read",
            "pcie" => "copy",
            _ => "load",
        };
    }

    private static void Metadata(Utf8JsonWriter w, string name, int tid, string value)
    {
        w.WriteStartObject();
        w.WriteString("name", name);
        w.WriteString("ph", "M");
        w.WriteNumber("pid", 1);
        w.WriteNumber("tid", tid);
        w.WriteStartObject("args");
        w.WriteString("name", value);
        w.WriteEndObject();
        w.WriteEndObject();
    }

    private static string Name(Outcome o) => o switch
    {
        Outcome.OnTime => "on_time",
        Outcome.Late => "late",
        Outcome.Expired => "expired",
        Outcome.Rejected => "rejected",
        Outcome.Served => "served",
        Outcome.Unplaced => "unplaced",
        _ => "unfinished",
    };

    private static string T(double seconds) => double.IsNaN(seconds) ? "" : seconds.ToString("R", CultureInfo.InvariantCulture);
}
