using System.Globalization;

namespace Simulator.Cli;

/// <summary>
/// Progress lines on standard error for a run not on a terminal (a file, a pipe, a batch system's log): after the first
/// cell, every few seconds, and at the end. A cell counts only once its run reaches the horizon, so while none finishes
/// (long horizons, an overloaded queue) a line every half minute says the run is alive and how many cells it is
/// running. The counts include the cells a resumed run found done; the rate and the time left count the cells run now.
/// </summary>
public sealed class ProgressLines : IDisposable
{
    /// <summary>The least time between two lines while cells finish.</summary>
    public static readonly TimeSpan Every = TimeSpan.FromSeconds(5);

    /// <summary>How long a run stays silent before it says that it is still running cells.</summary>
    public static readonly TimeSpan Silence = TimeSpan.FromSeconds(30);

    private readonly TextWriter error;
    private readonly int found, threads;
    private readonly TimeProvider time;
    private readonly long start;
    private readonly ITimer heartbeat;
    private readonly object gate = new();
    private TimeSpan last = TimeSpan.Zero, lastCell = TimeSpan.Zero;
    private int done, planned, shown;
    private bool stopped;

    public ProgressLines(TextWriter error, int found, int threads, TimeProvider time)
    {
        (this.error, this.found, this.threads, this.time) = (error, found, threads, time);
        start = time.GetTimestamp();
        heartbeat = time.CreateTimer(_ => Heartbeat(), null, Silence, Silence);
    }

    private TimeSpan Elapsed => time.GetElapsedTime(start);

    /// <summary>The runner's progress: <paramref name="d"/> cells done of <paramref name="p"/> planned so far.</summary>
    public void Report(int d, int p)
    {
        lock (gate)
        {
            if (d > done) lastCell = Elapsed;
            (done, planned) = (d, p);
            if (d == 0 || (d > 1 && Elapsed - last < Every)) return;
            shown = d;
            Line("");
        }
    }

    /// <summary>The last count, unless a line already gave it.</summary>
    public void Finish()
    {
        lock (gate) if (done > shown) Line("");
    }

    private void Heartbeat()
    {
        lock (gate)
        {
            if (stopped || planned == 0 || done == planned || Elapsed - last < Silence) return;
            int running = Math.Min(threads, planned - done);
            Line(string.Create(CultureInfo.InvariantCulture, $"; {running} cell{(running == 1 ? "" : "s")} running, none finished in the last {(Elapsed - lastCell).TotalSeconds:F0} s"));
        }
    }

    private void Line(string suffix)
    {
        last = Elapsed;
        double seconds = last.TotalSeconds, rate = done / Math.Max(seconds, 1e-9);
        string left = done == 0 || done == planned ? "" : string.Create(CultureInfo.InvariantCulture, $", about {(planned - done) / rate:F0} s left");
        error.WriteLine(string.Create(CultureInfo.InvariantCulture, $"progress: {found + done}/{found + planned} cells ({100.0 * (found + done) / Math.Max(found + planned, 1):F0} %) in {seconds:F0} s, {rate:F2} cells/s{left}{suffix}"));
        error.Flush();
    }

    /// <summary>Stops the heartbeat; a tick already under way writes nothing after this returns.</summary>
    public void Dispose()
    {
        lock (gate) stopped = true;
        heartbeat.Dispose();
    }
}
