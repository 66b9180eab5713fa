namespace Simulator.Edge;

/// <summary>One request's timeline; the batch's times are NaN for a request that was never batched.</summary>
public sealed record RequestSpan(long Id, string ModelId, double Arrival, double Deadline, Outcome Outcome, double End, int Batch,
    double BatchStart, double UploadEnd, double LoadStart, double LoadEnd, double InferenceStart, double Completion);

/// <summary>A device busy from Start to End moving Bytes (0 for the uplink and the GPU).</summary>
public sealed record DeviceSpan(string Device, double Start, double End, long Bytes, int Batch);

/// <summary>
/// A bounded record of what one site did, for traces: the first <c>rows</c> requests to arrive (each with its
/// outcome and its batch's phases), the first <c>rows</c> batches, and each device's busy spans (the uplink's
/// uploads, the disk's and the PCIe link's transfers, the GPU's inferences), contiguous transfers of one
/// device merged, up to <c>rows</c> a device. Memory is bounded by the rows, not by the horizon; what was left
/// out is counted, so a trace can say what it covers.
/// </summary>
public sealed class SiteTimeline
{
    /// <summary>The devices, in the order a trace shows their tracks.</summary>
    public static readonly IReadOnlyList<string> Devices = new[] { "uplink", "disk", "pcie", "lumped load", "gpu" };

    private readonly int rows;
    private readonly Dictionary<long, InferenceRequest> open = new();
    private readonly List<RequestSpan> requests = new();
    private readonly List<BatchRecord> batches = new();
    private readonly Dictionary<string, List<DeviceSpan>> spans = Devices.ToDictionary(d => d, _ => new List<DeviceSpan>());
    private readonly Dictionary<long, (int Batch, BatchRecord Record)> batchOf = new();
    private readonly Dictionary<string, long> spansSeen = Devices.ToDictionary(d => d, _ => 0L);

    public SiteTimeline(EdgeSite site, int rows)
    {
        if (rows < 1) throw new ArgumentOutOfRangeException(nameof(rows), rows, "A trace keeps at least one row.");
        this.rows = rows;
        site.RequestArrived += Arrived;
        site.BatchCompleted += Completed;
        site.Ended += Ended;
        site.Loader.Transferred += (device, start, end, bytes) => Busy(new DeviceSpan(device, start, end, bytes, -1));
    }

    public long RequestsSeen { get; private set; }

    public long BatchesSeen { get; private set; }

    /// <summary>Busy spans seen per device, before merging and the bound.</summary>
    public IReadOnlyDictionary<string, long> SpansSeen => spansSeen;

    /// <summary>The traced requests in the order their outcome came, then those still open at <see cref="Close"/>.</summary>
    public IReadOnlyList<RequestSpan> Requests => requests;

    public IReadOnlyList<BatchRecord> Batches => batches;

    public IReadOnlyList<DeviceSpan> Spans(string device) => spans[device];

    private void Arrived(InferenceRequest r)
    {
        if (RequestsSeen++ < rows) open.Add(r.Id, r);
    }

    private void Completed(BatchRecord b)
    {
        int index = (int)Math.Min(BatchesSeen++, int.MaxValue);
        if (batches.Count < rows) batches.Add(b);
        foreach (var id in b.RequestIds)
            if (open.ContainsKey(id)) batchOf[id] = (index, b);
        Busy(new DeviceSpan("uplink", b.Start, b.UploadEnd, 0, index));
        Busy(new DeviceSpan("gpu", b.InferenceStart, b.Completion, 0, index));
    }

    private void Ended(InferenceRequest r, Outcome outcome, double at)
    {
        if (!open.Remove(r.Id)) return;
        requests.Add(Span(r, outcome, at));
    }

    private RequestSpan Span(InferenceRequest r, Outcome outcome, double end)
    {
        if (!batchOf.Remove(r.Id, out var b))
            return new RequestSpan(r.Id, r.ModelId, r.Arrival, r.Deadline, outcome, end, -1, double.NaN, double.NaN, double.NaN, double.NaN, double.NaN, double.NaN);
        var x = b.Record;
        return new RequestSpan(r.Id, r.ModelId, r.Arrival, r.Deadline, outcome, end, b.Batch, x.Start, x.UploadEnd, x.LoadStart, x.LoadEnd, x.InferenceStart, x.Completion);
    }

    private void Busy(DeviceSpan span)
    {
        spansSeen[span.Device]++;
        var list = spans[span.Device];
        // A device's back-to-back block transfers are one busy span on its track.
        if (list.Count > 0 && list[^1] is var last && last.End == span.Start && last.Batch == span.Batch)
            list[^1] = last with { End = span.End, Bytes = last.Bytes + span.Bytes };
        else if (list.Count < rows) list.Add(span);
    }

    /// <summary>At the end of the run: the traced requests still queued or in service are unfinished.</summary>
    public void Close(double now)
    {
        foreach (var r in open.Values.OrderBy(r => r.Id)) requests.Add(Span(r, Outcome.Unfinished, now));
        open.Clear();
    }
}
