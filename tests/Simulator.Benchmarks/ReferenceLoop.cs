namespace Simulator.Benchmarks;

/// <summary>
/// The practical ceiling kernel.md asks to compare against: a zero-allocation binary heap of value
/// entries and a loop that pops the earliest, advances that entity's "iterator" (an index into the
/// delay table) and pushes its next time. No events, callbacks or processes: only the queue work.
/// </summary>
public sealed class ReferenceLoop
{
    private struct Entry
    {
        public double Time;
        public long Sequence;
        public int Entity;
    }

    private readonly double[] delays;
    private readonly int[] cursor;
    private Entry[] heap;
    private int count;
    private long sequence;
    private double now;

    public ReferenceLoop(int pending, double[] delays)
    {
        this.delays = delays;
        cursor = new int[pending];
        heap = new Entry[Math.Max(4, pending)];
        for (int p = 0; p < pending; p++)
        {
            cursor[p] = p * 977;
            Push(delays[cursor[p] & (delays.Length - 1)], p);
        }
    }

    public double Now => now;

    public void Run(long events)
    {
        int mask = delays.Length - 1;
        for (long e = 0; e < events; e++)
        {
            var top = Pop();
            now = top.Time;
            int i = ++cursor[top.Entity];
            Push(now + delays[i & mask], top.Entity);
        }
    }

    private static bool Less(in Entry a, in Entry b) => a.Time < b.Time || (a.Time == b.Time && a.Sequence < b.Sequence);

    private void Push(double time, int entity)
    {
        var e = new Entry { Time = time, Sequence = sequence++, Entity = entity };
        int i = count++;
        while (i > 0)
        {
            int parent = (i - 1) >> 1;
            if (!Less(e, heap[parent])) break;
            heap[i] = heap[parent];
            i = parent;
        }
        heap[i] = e;
    }

    private Entry Pop()
    {
        var top = heap[0];
        int n = --count;
        if (n > 0)
        {
            var last = heap[n];
            int i = 0;
            while (true)
            {
                int child = 2 * i + 1;
                if (child >= n) break;
                if (child + 1 < n && Less(heap[child + 1], heap[child])) child++;
                if (!Less(heap[child], last)) break;
                heap[i] = heap[child];
                i = child;
            }
            heap[i] = last;
        }
        return top;
    }
}
