using CsCheck;

namespace Simulator.Edge.Tests;

public class CriticalPathTests
{
    [Fact]
    public void The_parts_are_never_negative_and_add_up_to_the_latency_on_every_timeline()
    {
        // Phases as the site produces them: the batch forms after the arrival; loading starts at the batch (overlap),
        // after the GPU frees (pipelined) or after the upload (sequential); inference starts once both are done.
        Gen.Select(Gen.Double[0, 5], Gen.Double[0, 3], Gen.Double[0, 4], Gen.Double[0, 2], Gen.Int[0, 2], Gen.Double[0, 1], Gen.Double[0, 0.5]).Sample((wait, upload, gpuBusy, load, timeline, compute, downlink) =>
        {
            double arrival = 10, start = arrival + wait, uploadEnd = start + upload;
            double loadStart = timeline switch { 0 => start, 1 => start + gpuBusy, _ => Math.Max(uploadEnd, start + gpuBusy) };
            double loadEnd = loadStart + load, inferenceStart = Math.Max(uploadEnd, loadEnd), completion = inferenceStart + compute;
            var p = CriticalPath.Of(arrival, start, uploadEnd, loadStart, loadEnd, inferenceStart, completion, downlink);
            double[] parts = { p.Waiting, p.Upload, p.GpuWait, p.Loading, p.Inference, p.Downlink };
            if (parts.Any(x => x < -1e-12)) throw new Exception($"a negative part: {p}");
            double latency = completion + downlink - arrival;
            if (Math.Abs(parts.Sum() - latency) > 1e-9) throw new Exception($"{p} adds up to {parts.Sum()}, not the latency {latency}");
            // Only the phase that ends last is on the path: a hidden upload or loading contributes nothing.
            if (loadEnd < uploadEnd && p.Loading != 0) throw new Exception($"loading hidden behind the upload counted: {p}");
            if (timeline == 2 && Math.Abs(p.Upload - upload) > 1e-12 && loadEnd >= uploadEnd) throw new Exception($"sequential: the whole upload is on the path: {p}");
        }, iter: 2000);
    }

    [Fact]
    public void On_overlap_a_load_longer_than_the_upload_hides_the_upload()
    {
        var p = CriticalPath.Of(0, 1, 1.3, 1, 2, 2, 2.5, 0.1);
        Assert.Equal(new[] { 1, 0, 0, 1, 0.5, 0.1 }, new[] { p.Waiting, p.Upload, p.GpuWait, p.Loading, p.Inference, p.Downlink });
        var q = CriticalPath.Of(0, 1, 2.2, 1, 2, 2.2, 2.5, 0);
        Assert.Equal(new[] { 1, 1.2, 0, 0, 0.3, 0 }, new[] { q.Waiting, q.Upload, q.GpuWait, q.Loading, q.Inference, q.Downlink }, new ToleranceComparer());
    }

    private sealed class ToleranceComparer : IEqualityComparer<double>
    {
        public bool Equals(double a, double b) => Math.Abs(a - b) < 1e-12;

        public int GetHashCode(double v) => 0;
    }
}
