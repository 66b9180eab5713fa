using System.Text.Json;
using Simulator.Edge;

namespace Simulator.Experiments.Tests;

public class TimelineTraceTests
{
    private static readonly ExperimentSpec Spec = Quickstart.Read(new[] { "horizon=40 s", "warmup=0 s" });

    private static double Metric(RunRecord r, string name) => r.Values[SiteSet.Metrics.Index(name)];

    [Theory]
    [InlineData(0)]
    [InlineData(2)]
    public void A_traced_run_is_the_run_and_its_tables_account_for_every_request_and_batch(int strategy)
    {
        var cell = new Cell(1, strategy, 0);
        var (record, timeline) = Runner.Timeline(Spec, cell, 1_000_000);
        Assert.Equal(Runner.RunCell(Spec, cell).Values, record.Values);
        Assert.Equal((long)Metric(record, "arrived"), timeline.RequestsSeen);
        Assert.Equal(timeline.RequestsSeen, timeline.Requests.Count);
        Assert.Equal(timeline.Requests.Count, timeline.Requests.Select(r => r.Id).Distinct().Count());
        foreach (var (outcome, metric) in new[] { (Outcome.OnTime, "on_time"), (Outcome.Late, "late"), (Outcome.Expired, "expired"), (Outcome.Rejected, "rejected"), (Outcome.Unfinished, "unfinished") })
            Assert.Equal(Metric(record, metric), timeline.Requests.Count(r => r.Outcome == outcome));
        var served = timeline.Requests.Where(r => r.Outcome is Outcome.OnTime or Outcome.Late).ToArray();
        // The clock counts 100 ns ticks: a batch may start up to a tick before the exact arrival time it serves.
        Assert.All(served, r => Assert.True(r.Batch >= 0 && r.Arrival <= r.BatchStart + 1e-7 && r.BatchStart <= r.UploadEnd && r.LoadStart <= r.LoadEnd && r.InferenceStart <= r.Completion && r.Completion <= r.End));
        Assert.Equal(Metric(record, "upload_mean"), served.Average(r => r.UploadEnd - r.BatchStart), 6); // the timeline is in clock ticks (100 ns)
        Assert.Equal(Metric(record, "mean_batch_size"), timeline.Batches.Average(b => b.RequestIds.Count), 9);
        Assert.Equal(timeline.BatchesSeen, timeline.Batches.Count);
    }

    [Fact]
    public void The_trace_json_has_a_track_per_device_whose_events_match_the_runs_metrics()
    {
        var cell = new Cell(1, 0, 0);
        var (record, timeline) = Runner.Timeline(Spec, cell, 1_000_000);
        using var json = JsonDocument.Parse(TraceWriter.Json(timeline, "pl-dp"));
        var events = json.RootElement.GetProperty("traceEvents").EnumerateArray().ToArray();
        var tracks = events.Where(e => e.GetProperty("ph").GetString() == "M" && e.GetProperty("name").GetString() == "thread_name")
            .ToDictionary(e => e.GetProperty("args").GetProperty("name").GetString()!, e => e.GetProperty("tid").GetInt32());
        Assert.Equal(new[] { "uplink", "disk", "pcie", "lumped load", "gpu" }, tracks.Keys);
        JsonElement[] On(string track) => events.Where(e => e.GetProperty("ph").GetString() == "X" && e.GetProperty("tid").GetInt32() == tracks[track]).ToArray();
        double Busy(string track) => On(track).Sum(e => e.GetProperty("dur").GetDouble()) / 1e6;
        // The metrics count a load's bytes when its batch completes; the GPU loads one batch at a time (no prefetch here), so these are the transfers that ended by the last completion.
        Assert.False(((LoneSiteScenario)Spec.Points[1].Scenario).Site.Prefetch);
        double last = timeline.Batches[^1].Completion * 1e6 + 1e-3;
        long Bytes(string track) => On(track).Where(e => e.GetProperty("ts").GetDouble() + e.GetProperty("dur").GetDouble() <= last).Sum(e => e.GetProperty("args").GetProperty("bytes").GetInt64());
        int batches = (int)timeline.BatchesSeen;
        Assert.True(batches > 50, $"{batches} batches");
        Assert.Equal(batches, On("gpu").Length);
        Assert.Equal(batches, On("uplink").Length);
        Assert.Equal(Metric(record, "gpu_computing_fraction") * 40, Busy("gpu"), 6);
        Assert.Equal(Metric(record, "bytes_disk"), Bytes("disk"));
        Assert.Equal(Metric(record, "bytes_pcie"), Bytes("pcie"));
        Assert.True(Busy("disk") > 0 && Busy("pcie") > 0);
        Assert.Empty(On("lumped load"));
        // A device does one thing at a time: its spans never overlap.
        foreach (var track in tracks.Keys)
        {
            var spans = On(track).Select(e => (Start: e.GetProperty("ts").GetDouble(), End: e.GetProperty("ts").GetDouble() + e.GetProperty("dur").GetDouble())).ToArray();
            for (int i = 1; i < spans.Length; i++) Assert.True(spans[i].Start >= spans[i - 1].End - 1e-3, $"{track}: span {i} starts at {spans[i].Start} us, before {spans[i - 1].End}");
        }
    }

    [Fact]
    public void The_row_bound_holds_for_every_table_and_track_and_the_report_says_what_was_kept()
    {
        var (record, timeline) = Runner.Timeline(Spec, new Cell(1, 0, 0), 25);
        Assert.Equal(25, timeline.Requests.Count);
        Assert.Equal(Enumerable.Range(0, 25).Select(i => (long)i), timeline.Requests.Select(r => r.Id).Order());
        Assert.Equal(25, timeline.Batches.Count);
        Assert.True(timeline.BatchesSeen > 25);
        Assert.Equal((long)Metric(record, "arrived"), timeline.RequestsSeen);
        foreach (var device in SiteTimeline.Devices) Assert.InRange(timeline.Spans(device).Count, 0, 25);
        using var json = JsonDocument.Parse(TraceWriter.Json(timeline, "pl-dp"));
        Assert.InRange(json.RootElement.GetProperty("traceEvents").GetArrayLength(), 1, 6 + 5 * 25);
        Assert.Equal(26, TraceWriter.RequestsCsv(timeline).TrimEnd('\n').Split('\n').Length);

        string dir = Path.Combine(Path.GetTempPath(), "trace-test-" + Guid.NewGuid().ToString("N"));
        try
        {
            var spec = Spec with { Trace = new TraceSpec(25), Strategies = Spec.Strategies.Take(1).ToArray(), Baseline = null, Points = Spec.Points.Skip(1).Take(1).Select(p => p with { Index = 0 }).ToArray() };
            var lines = TraceWriter.WriteAll(spec, dir);
            var (_, written) = Runner.Timeline(spec, new Cell(0, 0, 0), 25);
            Assert.Equal($"`traces/p0-pl-dp/`: 25 of {written.RequestsSeen:N0} requests, 25 of {written.BatchesSeen:N0} batches (at most 25 rows a table)", Assert.Single(lines));
            Assert.Equal(TraceWriter.RequestsCsv(written), File.ReadAllText(Path.Combine(dir, "traces", "p0-pl-dp", "requests.csv")));
            Assert.Equal(new[] { "batches.csv", "requests.csv", "trace.json" }, Directory.GetFiles(Path.Combine(dir, "traces", "p0-pl-dp")).Select(Path.GetFileName).Order());
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }
}
