using Simulator.Edge;

namespace Simulator.Edge.Tests;

public class ArrivalTests
{
    private static readonly Catalog Catalog = new(
        Enumerable.Range(0, 5).Select(i => new Block($"b{i}", 1000)),
        Enumerable.Range(0, 5).Select(i => new Model($"m{i}", new[] { $"b{i}" }, new AffineProfile(0.001, 0.001), 0)));

    [Fact]
    public void Poisson_count_and_interarrival_variation_match_within_99_percent_intervals()
    {
        const double rate = 50, horizon = 2_000;
        var times = new PoissonArrivals(rate).Times(new RandomStreams(1).Stream("arrivals")).TakeWhile(t => t < horizon).ToArray();
        double expected = rate * horizon; // N ~ Poisson(100,000)
        Assert.InRange(times.Length, expected - 2.576 * Math.Sqrt(expected), expected + 2.576 * Math.Sqrt(expected));

        // CV of exponential gaps is 1: batch means of the CV over 40 batches, Student-t 99 % (t_39 = 2.708).
        var gaps = times.Zip(times.Skip(1), (a, b) => b - a).ToArray();
        int size = gaps.Length / 40;
        var cvs = Enumerable.Range(0, 40).Select(b =>
        {
            var g = gaps.Skip(b * size).Take(size).ToArray();
            double m = g.Average();
            return Math.Sqrt(g.Sum(x => (x - m) * (x - m)) / (g.Length - 1)) / m;
        }).ToArray();
        double cv = cvs.Average(), sd = Math.Sqrt(cvs.Sum(x => (x - cv) * (x - cv)) / 39);
        Assert.InRange(1.0, cv - 2.708 * sd / Math.Sqrt(40), cv + 2.708 * sd / Math.Sqrt(40));
    }

    [Fact]
    public void Mmpp_long_run_rate_is_the_time_weighted_rate_and_gaps_are_burstier_than_Poisson()
    {
        var mmpp = new MmppArrivals(RateOn: 40, RateOff: 2, MeanOnSeconds: 5, MeanOffSeconds: 15);
        Assert.Equal(11.5, mmpp.MeanRate, 12);
        const double horizon = 40_000;
        var times = mmpp.Times(new Random(4)).TakeWhile(t => t < horizon).ToArray();
        Assert.InRange(times.Length / horizon, 11.5 * 0.95, 11.5 * 1.05);
        var gaps = times.Zip(times.Skip(1), (a, b) => b - a).ToArray();
        double m = gaps.Average(), cv = Math.Sqrt(gaps.Sum(x => (x - m) * (x - m)) / gaps.Length) / m;
        Assert.True(cv > 1.2, $"CV {cv}");
    }

    [Fact]
    public void Zipf_frequencies_match_their_weights()
    {
        var workload = new SyntheticWorkload(new BatchAtZero(100_000), new ZipfPopularity(0.8), new ConstantQuantity(1));
        var counts = workload.Requests(Catalog, new RandomStreams(2)).GroupBy(r => r.ModelId).ToDictionary(g => g.Key, g => g.Count());
        double norm = Enumerable.Range(1, 5).Sum(r => Math.Pow(r, -0.8));
        for (int r = 1; r <= 5; r++)
        {
            double p = Math.Pow(r, -0.8) / norm, n = 100_000;
            double half = 3.29 * Math.Sqrt(n * p * (1 - p)); // 99.9 % binomial interval
            Assert.InRange(counts[$"m{r - 1}"], n * p - half, n * p + half);
        }
    }

    [Fact]
    public void Explicit_popularity_names_catalog_models_only()
    {
        var weights = new ExplicitPopularity(new Dictionary<string, double> { ["m2"] = 1 });
        var drafts = new SyntheticWorkload(new BatchAtZero(50), weights, new ConstantQuantity(1)).Requests(Catalog, new RandomStreams(3)).ToArray();
        Assert.All(drafts, d => Assert.Equal("m2", d.ModelId));
        var bad = new ExplicitPopularity(new Dictionary<string, double> { ["nope"] = 1 });
        Assert.Contains("'nope'", Assert.Throws<CatalogException>(() => bad.Weights(Catalog)).Message);
    }

    [Fact]
    public void Drafts_carry_bits_and_absolute_deadlines()
    {
        var w = new SyntheticWorkload(new PoissonArrivals(10), new ZipfPopularity(), new UniformQuantity(1, 2), new ConstantQuantity(250e3));
        var d = w.Requests(Catalog, new RandomStreams(9)).Take(100).ToArray();
        Assert.All(d, r => Assert.Equal(2e6, r.InputBits));
        Assert.All(d, r => Assert.InRange(r.Deadline - r.Arrival, 1, 2));
        Assert.Equal(Enumerable.Range(0, 100).Select(i => (long)i), d.Select(r => r.Id));
    }

    [Fact]
    public void A_trace_is_replayed_exactly()
    {
        var lines = new[] { "time,model,bytes,deadline", "0.5,m1,1000,2", "0.5,m3,2500.5,0.25", "", "7,m0,1,10" };
        var drafts = new TraceWorkload("t.csv", lines).Requests(Catalog, new RandomStreams(0)).ToArray();
        Assert.Equal(new[]
        {
            new RequestDraft(0, 0.5, "m1", 8000, 2.5),
            new RequestDraft(1, 0.5, "m3", 20004, 0.75),
            new RequestDraft(2, 7, "m0", 8, 17),
        }, drafts);
    }

    [Theory]
    [InlineData(new string[0], "t.csv:1: expected a header with the columns time, model, bytes, deadline, found an empty file.")]
    [InlineData(new[] { "t,m,b,d" }, "t.csv:1: 't' is not a column a trace has: it has time, model, bytes, deadline.")]
    [InlineData(new[] { "time,model,bytes,dedline" }, "t.csv:1: 'dedline' is not a column a trace has: it has time, model, bytes, deadline. Did you mean 'deadline'?")]
    [InlineData(new[] { "time,model,bytes" }, "t.csv:1: no 'deadline' column; the header has time, model, bytes.")]
    [InlineData(new[] { "time,model,bytes,deadline,user", "1,m0,5,1,7" }, "t.csv:1: 'user' is not a column a trace has")]
    [InlineData(new[] { "time,model,bytes,deadline", "1,m0,5" }, "t.csv:2: expected 4 fields (time, model, bytes, deadline), as the header has, found 3.")]
    [InlineData(new[] { "time,model,bytes,deadline", "x,m0,5,1" }, "t.csv:2: time 'x' is not a number")]
    [InlineData(new[] { "time,model,bytes,deadline", "2,m0,5,1", "1,m0,5,1" }, "t.csv:3: time 1 is before")]
    public void Bad_traces_name_the_file_and_line(string[] lines, string message)
    {
        Assert.StartsWith(message, Assert.Throws<FormatException>(() => new TraceWorkload("t.csv", lines)).Message);
    }

    [Fact]
    public void A_trace_saved_by_another_tool_reads_the_same()
    {
        var written = new TraceWorkload("t.csv", new[] { "time,model,bytes,deadline", "0.5,m1,1000,2", "7,m0,1,10" }).Requests(Catalog, new RandomStreams(0)).ToArray();
        // R's write.csv(row.names = FALSE) quotes every header and text field; pandas keeps the frame's column order.
        var quoted = new TraceWorkload("t.csv", new[] { "\"time\",\"model\",\"bytes\",\"deadline\"", "0.5,\"m1\",1000,2", "7,\"m0\",1,10" });
        var reordered = new TraceWorkload("t.csv", new[] { "Model, Deadline, Time, Bytes", "m1, 2, 0.5, 1e3", "m0, 10, 7, 1" });
        Assert.Equal(written, quoted.Requests(Catalog, new RandomStreams(0)).ToArray());
        Assert.Equal(written, reordered.Requests(Catalog, new RandomStreams(0)).ToArray());
    }

    [Fact]
    public void An_unknown_model_in_a_trace_names_its_line()
    {
        var trace = new TraceWorkload("t.csv", new[] { "time,model,bytes,deadline", "1,m0,5,1", "2,zz,5,1" });
        var ex = Assert.Throws<FormatException>(() => trace.Requests(Catalog, new RandomStreams(0)).ToArray());
        Assert.StartsWith("t.csv:3: model 'zz'", ex.Message);
    }
}
