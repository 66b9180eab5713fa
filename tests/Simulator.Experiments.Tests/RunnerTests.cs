using Simulator.Experiments;

namespace Simulator.Experiments.Tests;

public class RunnerTests
{
    private static readonly string[] Small = { "replications=3", "horizon=30 s", "warmup=5 s" };

    [Fact]
    public void One_thread_and_all_cores_give_byte_identical_runs_and_summaries()
    {
        var spec = Quickstart.Read(Small);
        var one = new Runner(spec, 1).Run();
        var all = new Runner(spec, Environment.ProcessorCount + 1).Run();
        Assert.Equal(ResultWriter.RunsCsv(spec, one), ResultWriter.RunsCsv(spec, all));
        Assert.Equal(ResultWriter.SummaryCsv(spec, one), ResultWriter.SummaryCsv(spec, all));
        Assert.Equal(3 * 4 * 3, one.Count);
    }

    [Fact]
    public void Requantizing_on_coherence_is_read_and_changes_only_the_upload_side()
    {
        var plain = Quickstart.Read(Small);
        var requantized = Quickstart.Read(Small.Append("scenario.uplink.requantize_on_coherence=true").ToArray());
        Assert.False(((LoneSiteScenario)plain.Points[0].Scenario).Site.Uplink.RequantizeOnCoherence);
        Assert.True(((LoneSiteScenario)requantized.Points[0].Scenario).Site.Uplink.RequantizeOnCoherence);
        Assert.Contains("requantize_on_coherence: true", requantized.ResolvedText);
        Assert.NotEqual(plain.Hash, requantized.Hash);
        var cell = new Cell(1, 3, 0); // fcfs at 10 /s
        var a = Runner.RunCell(plain, cell).Values;
        var b = Runner.RunCell(requantized, cell).Values;
        Assert.Equal(a["arrived"], b["arrived"]);     // same workload
        Assert.NotEqual(a["upload_mean"], b["upload_mean"]); // uploads follow the fading
        // Re-splitting at 10 ms boundaries averages the fading over an upload: still about the same mean.
        Assert.InRange(b["upload_mean"] / a["upload_mean"], 0.5, 2.0);
    }

    [Fact]
    public void The_scenarios_allocation_holds_unless_a_strategys_settings_give_their_own()
    {
        var optimal = Quickstart.Read(Small.Append("strategies=[fcfs]").Append("baseline=fcfs").ToArray());
        var equal = Quickstart.Read(Small.Append("strategies=[fcfs, {name: fcfs, settings: {scenario.uplink.allocation: optimal}}]").Append("baseline=fcfs").Append("scenario.uplink.allocation=equal").ToArray());
        Assert.Contains("allocation: optimal", optimal.ResolvedText);
        Assert.Equal(new[] { "fcfs", "fcfs[uplink.allocation=optimal]" }, equal.Strategies.Select(s => s.Label));
        Assert.IsType<Edge.EqualAllocator>(((LoneSiteScenario)equal.Points[0].ScenarioOf(0)).Site.Uplink.Allocator);
        Assert.IsType<Edge.OptimalAllocator>(((LoneSiteScenario)equal.Points[0].ScenarioOf(1)).Site.Uplink.Allocator);
        // The strategy's own setting is recorded in the resolved config, at every point.
        Assert.Contains("points[1].strategies[fcfs[uplink.allocation=optimal]].scenario.uplink.allocation: optimal", equal.ResolvedText);
        double Upload(ExperimentSpec spec, int strategy) => Runner.RunCell(spec, new Cell(1, strategy, 0)).Values["upload_mean"];
        // The equal split waits for the slowest user: longer uploads than the optimum on the same workload.
        Assert.True(Upload(equal, 0) > Upload(optimal, 0) * 1.05, $"{Upload(equal, 0)} against {Upload(optimal, 0)}");
        // fcfs with its setting is the optimal run again, byte for byte.
        Assert.Equal(Runner.RunCell(optimal, new Cell(1, 0, 0)).Values, Runner.RunCell(equal, new Cell(1, 1, 0)).Values);
    }

    [Fact]
    public void A_strategy_that_needs_a_site_setting_runs_with_it_and_the_config_says_so()
    {
        var spec = Quickstart.Read(Small);
        int noSharing = spec.Strategies.Select(s => s.Label).ToList().IndexOf("no-sharing");
        Assert.True(((LoneSiteScenario)spec.Points[0].ScenarioOf(0)).Site.Sharing);
        Assert.False(((LoneSiteScenario)spec.Points[0].ScenarioOf(noSharing)).Site.Sharing);
        Assert.Contains("points[0].strategies[no-sharing].scenario.site.sharing: false", spec.ResolvedText);
        // Its settings cannot undo what it needs.
        var ex = Assert.Throws<ConfigException>(() => Quickstart.Read(Small.Append("strategies=[{name: no-sharing, settings: {scenario.site.sharing: true}}, fcfs]").Append("baseline=fcfs").ToArray()));
        Assert.Contains("'no-sharing' needs scenario.site.sharing: false", ex.Message);
        // A setting the scenario does not take is refused at its line.
        var unknown = Assert.Throws<ConfigException>(() => Quickstart.Read(Small.Append("strategies=[fcfs, {name: fcfs, settings: {scenario.uplink.alocation: equal}}]").Append("baseline=fcfs").ToArray()));
        Assert.Contains("unknown key 'alocation'", unknown.Message);
    }

    [Fact]
    public void A_sweep_point_is_known_by_its_position_so_values_added_at_the_end_leave_the_earlier_points_as_they_were()
    {
        ExperimentSpec Swept(string rates) => Quickstart.Read(Small.Concat(new[] { $"sweep={{scenario.arrivals.rate: {rates}}}", "strategies=[fcfs]", "baseline=null", "plots=null" }).ToArray());
        var two = Swept("[5 /s, 10 /s]");
        var appended = Swept("[5 /s, 10 /s, 20 /s]");
        var inserted = Swept("[2 /s, 5 /s, 10 /s]");
        var first = Runner.RunCell(two, new Cell(0, 0, 0)).Values;
        Assert.Equal(first, Runner.RunCell(appended, new Cell(0, 0, 0)).Values);
        Assert.Equal(Runner.RunCell(two, new Cell(1, 0, 1)).Values, Runner.RunCell(appended, new Cell(1, 0, 1)).Values);
        // 5 /s moved to point 1: the same world drawn from other streams.
        var moved = Runner.RunCell(inserted, new Cell(1, 0, 0)).Values;
        Assert.NotEqual(first["arrived"], moved["arrived"]);
    }

    [Fact]
    public void An_override_given_twice_alike_is_taken_once_and_given_twice_apart_is_refused()
    {
        Assert.Equal(7UL, Quickstart.Read(Small.Concat(new[] { "seed=7", "seed=7" }).ToArray()).Seed);
        var twice = Assert.Throws<ConfigException>(() => Quickstart.Read(Small.Concat(new[] { "seed=7", "seed=8" }).ToArray()));
        Assert.Equal("--set", twice.File);
        Assert.Contains("'seed' is overridden twice (seed=7 and seed=8;", twice.Message);
    }

    [Fact]
    public void An_override_of_tilde_removes_the_files_key_and_its_default_applies()
    {
        // The quickstart compares against no-sharing; without its baseline (and its paired-gain plot, which needs
        // one) a subset of its strategies runs alone.
        Assert.Contains("a paired-gain plot shows each strategy's paired difference to the baseline: name a baseline.",
            Assert.Throws<ConfigException>(() => Quickstart.Read(Small.Concat(new[] { "strategies=[pl-greedy, fcfs]", "baseline=~" }).ToArray())).Message);
        var alone = Quickstart.Read(Small.Concat(new[] { "strategies=[pl-greedy, fcfs]", "baseline=~", "plots=~" }).ToArray());
        Assert.Empty(alone.Plots);
        Assert.Null(alone.Baseline);
        Assert.Equal(new[] { "pl-greedy", "fcfs" }, alone.Strategies.Select(s => s.Label));
        // A nested key falls back to its declared default, as if the file had never given it.
        var defaulted = Quickstart.Read(Small.Concat(new[] { "scenario.uplink.coherence=null", "scenario.site.gpu.residency=~" }).ToArray());
        Assert.Contains("points[0].scenario.uplink.coherence: 0.01", defaulted.ResolvedText);
        Assert.Contains("points[0].scenario.site.gpu.residency: previous-model", defaulted.ResolvedText);
        // In a sweep, null runs its point with the key's default.
        var swept = Quickstart.Read(Small.Concat(new[] { "sweep={scenario.site.max_batch: [null, 4]}", "plots=null" }).ToArray());
        Assert.Null(((LoneSiteScenario)swept.Points[0].Scenario).Site.MaxBatch);
        Assert.Equal(4, ((LoneSiteScenario)swept.Points[1].Scenario).Site.MaxBatch);
        // A required key removed is missing, as in a file without it; a quoted '~' is text, not a removal.
        Assert.Contains("missing 'seed'", Assert.Throws<ConfigException>(() => Quickstart.Read(Small.Append("seed=~").ToArray())).Message);
        Assert.Contains("the baseline '~' is not among the strategies", Assert.Throws<ConfigException>(() => Quickstart.Read(Small.Append("baseline='~'").ToArray())).Message);
    }

    [Theory]
    [InlineData(null, "random")]
    [InlineData("chasing/chasing-online.yaml", "mec-appro")]
    [InlineData("chasing/chasing-online.yaml", "mec-egreedy")]
    public void A_label_only_renames_a_strategy_and_its_draws_stay_the_same(string? experiment, string strategy)
    {
        // A strategy that draws (a random pick, a rounding, an exploring learner) under its name and under a label of the file's.
        string[] sets = { "replications=2", "horizon=30 s", "sweep={}", "plots=[]", $"strategies=[{strategy}, {{name: {strategy}, label: renamed}}]", $"baseline={strategy}" };
        var spec = experiment is null
            ? Quickstart.Read(sets.Where(s => s != "sweep={}").Append("warmup=5 s").Append("sweep={scenario.arrivals.rate: [20 /s]}").ToArray())
            : ExperimentReader.Read(Path.Combine(Simulator.Testing.RepositoryRoot.Find(), "experiments", experiment), sets.Append("scenario.requests.count=40").ToArray());
        Assert.Equal(new[] { strategy, "renamed" }, spec.Strategies.Select(s => s.Label));
        var records = new Runner(spec, 2).Run();
        foreach (var replication in records.GroupBy(r => r.Cell.Replication))
        {
            var (named, renamed) = (replication.Single(r => r.Cell.Strategy == 0), replication.Single(r => r.Cell.Strategy == 1));
            Assert.Equal(named.Values.ToArray(), renamed.Values.ToArray());
        }
    }

    [Fact]
    public void Every_strategy_sees_the_same_arrivals_at_a_point_and_replication()
    {
        var spec = Quickstart.Read(Small);
        var records = new Runner(spec, 2).Run();
        int arrived = SiteSet.Metrics.Index("arrived");
        foreach (var group in records.GroupBy(r => (r.Cell.Point, r.Cell.Replication)))
            Assert.Single(group.Select(r => r.Values[arrived]).Distinct());
        // ... while replications differ from each other.
        Assert.True(records.Where(r => r.Cell.Point == 0 && r.Cell.Strategy == 0).Select(r => r.Values[arrived]).Distinct().Count() > 1);
    }

    [Fact]
    public void Sequential_stopping_stops_at_min_when_narrow_enough_and_at_max_otherwise()
    {
        var loose = Quickstart.Read(new[] { "replications={min: 10, max: 12, ci_half_width: 90%}", "horizon=30 s", "warmup=5 s", "sweep={scenario.arrivals.rate: [10 /s]}", "plots=[]" });
        var looseRecords = new Runner(loose, 2).Run();
        Assert.All(looseRecords.GroupBy(r => (r.Cell.Point, r.Cell.Strategy)), g => Assert.Equal(10, g.Count()));
        var strict = Quickstart.Read(new[] { "replications={min: 10, max: 12, ci_half_width: 0.01%}", "horizon=30 s", "warmup=5 s", "sweep={scenario.arrivals.rate: [10 /s]}", "plots=[]" });
        var strictRecords = new Runner(strict, 2).Run();
        Assert.All(strictRecords.GroupBy(r => (r.Cell.Point, r.Cell.Strategy)), g => Assert.Equal(12, g.Count()));

        // The report says which it was, with the intervals that stayed too wide.
        string Line(ExperimentSpec spec, IReadOnlyList<RunRecord> records) => Report.Markdown(spec, records).Split('\n').Single(l => l.StartsWith("- sequential stopping:", StringComparison.Ordinal));
        Assert.Equal("- sequential stopping: replications added (from 10 to at most 12) until every strategy's throughput has a 95 % half-width within 90 % of its mean: met at arrivals rate = 10 /s with 10 replications.", Line(loose, looseRecords));
        string missed = Line(strict, strictRecords);
        Assert.Contains("within 0.01 % of its mean: **not met** at arrivals rate = 10 /s with 12 replications (pl-dp ±", missed);
        var throughput = strict.Metrics["throughput"];
        foreach (var s in Enumerable.Range(0, strict.Strategies.Count))
        {
            var summary = Summary.Of(strictRecords.Where(r => r.Cell.Strategy == s).Select(r => r.Values[throughput]));
            Assert.Contains($"{strict.Strategies[s].Label} ±{(summary.HalfWidth / summary.Mean).ToString("P1", System.Globalization.CultureInfo.InvariantCulture)}", missed);
        }

        // What a finished run holds, which plot and merge ask for: the run's own records lack nothing ...
        Assert.Empty(FinishedGrid.Missing(loose, looseRecords));
        Assert.Empty(FinishedGrid.Missing(strict, strictRecords));
        // ... a lost record is missed where it was ...
        var lost = new Cell(0, 1, 4);
        Assert.Equal([lost], FinishedGrid.Missing(strict, strictRecords.Where(r => r.Cell != lost).ToArray()));
        // ... and a point cut back below where its rule stopped lacks the next replication of every strategy.
        var cut = strictRecords.Where(r => r.Cell.Replication < 11).ToArray();
        Assert.Equal(Enumerable.Range(0, strict.Strategies.Count).Select(s => new Cell(0, s, 11)), FinishedGrid.Missing(strict, cut));
        // A point cut back below the minimum lacks what the minimum asks for.
        Assert.Equal(Enumerable.Range(0, loose.Strategies.Count).Select(s => new Cell(0, s, 9)), FinishedGrid.Missing(loose, looseRecords.Where(r => r.Cell.Replication < 9).ToArray()));
    }

    [Fact]
    public void Overrides_reach_into_list_items_by_index()
    {
        var spec = Quickstart.Read(Small.Append("scenario.catalog.clusters[1].frozen=[3]").ToArray());
        Assert.Contains("points[0].scenario.catalog.clusters[1].frozen: 3", spec.ResolvedText);
        Assert.Contains("points[0].scenario.catalog.clusters[0].frozen: 1,2,3,4", spec.ResolvedText);
        var ex = Assert.Throws<ConfigException>(() => Quickstart.Read(Small.Append("scenario.catalog.clusters[1].frozn=[3]").ToArray()));
        Assert.Contains("unknown key 'frozn'", ex.Message);
        Assert.Contains("Did you mean 'frozen'?", ex.Message);
    }

    [Fact]
    public void The_resolved_config_lists_defaults_as_the_file_would_give_them_and_its_hash_changes_with_any_value()
    {
        var a = Quickstart.Read(Small);
        Assert.Contains("points[0].scenario.site.admission: drop-infeasible", a.ResolvedText);
        Assert.Contains("points[0].scenario.uplink.shadowing: 8", a.ResolvedText);
        Assert.Contains("points[2].scenario.arrivals.rate: 20", a.ResolvedText);
        // A default range reads as the leaves a range written in the file gives, so writing it out changes nothing.
        Assert.Contains("points[0].scenario.arrivals.input.min: 100000\n", a.ResolvedText);
        Assert.Contains("points[0].scenario.arrivals.input.max: 600000\n", a.ResolvedText);
        Assert.DoesNotContain("Quantity", a.ResolvedText);
        Assert.Equal(a.Hash, Quickstart.Read(Small).Hash);
        Assert.Equal(a.Hash, Quickstart.Read(Small.Append("scenario.arrivals.input={min: 100 kB, max: 600 kB}").ToArray()).Hash);
        foreach (var other in new[] { "scenario.uplink.shadowing=6 dB", "scenario.arrivals.input={min: 100 kB, max: 700 kB}" })
            Assert.NotEqual(a.Hash, Quickstart.Read(Small.Append(other).ToArray()).Hash);
    }
}

public class TraceTests
{
    [Fact]
    public void A_traced_run_is_the_same_run_and_keeps_what_its_metrics_summarise()
    {
        var spec = Quickstart.Read(new[] { "replications=2", "horizon=30 s", "warmup=5 s" });
        var cell = new Cell(1, 0, 0);
        var record = Runner.RunCell(spec, cell);
        var trace = Runner.Trace(spec, cell);
        Assert.Equal(record.Values["on_time"] + record.Values["late"], trace.Served);
        Assert.Equal(record.Values["latency_mean"], trace.LatencyMean, 9);
        Assert.Equal(1.0, trace.LatencyCdf[^1].Fraction, 12);
        // The queue's window means, weighted by their widths, give the reported mean queue length.
        var windows = trace.Of(SiteMeasures.Queue);
        Assert.Equal(RunTrace.WindowSeconds(30), windows[1].Start - windows[0].Start, 12);
        double area = windows.Select((w, i) => w.Mean * ((i + 1 < windows.Count ? windows[i + 1].Start : 30) - w.Start)).Sum();
        Assert.Equal(record.Values["queue_mean"], area / 30, 9);
    }
}

public class ReportTests
{
    [Theory]
    [InlineData("latency_p95", new[] { 0.2, 0.45 }, "latency p95 (ms)", 0.2, "200")]
    [InlineData("latency_mean", new[] { 0.5, 1.7 }, "latency mean (s)", 1.7, "1.7")]
    [InlineData("bytes_saved", new[] { 1.711e11, 3e9 }, "bytes saved (GB)", 1.711e11, "171.1")]
    [InlineData("bytes_disk", new[] { 4e8 }, "bytes disk (MB)", 4e8, "400")]
    [InlineData("on_time_ratio", new[] { 0.7189 }, "on time ratio (%)", 0.71894, "71.89")]
    [InlineData("throughput", new[] { 3.7333 }, "throughput (/s)", 3.73333, "3.733")]
    public void Each_column_reads_in_a_unit_chosen_from_its_values(string metric, double[] column, string header, double value, string shown)
    {
        var (title, format) = SiteSet.Metrics[metric].Shown(column);
        Assert.Equal(header, title);
        Assert.Equal(shown, format(value));
    }

    [Fact]
    public void The_report_names_units_and_shows_swept_values_as_written()
    {
        string file = Path.Combine(Simulator.Testing.RepositoryRoot.Find(), "experiments", "partialloading", "pl-bandwidth.yaml");
        var spec = ExperimentReader.Read(file, new[] { "replications=2", "horizon=20 s", "warmup=5 s", "strategies=[pl-dp, no-sharing]" });
        var records = new Runner(spec, 2).Run();
        var report = Report.Markdown(spec, records);
        var summary = report.Split('\n').SkipWhile(l => !l.StartsWith("## Summary", StringComparison.Ordinal)).Skip(2).TakeWhile(l => l.StartsWith('|')).ToArray();
        Assert.Equal("| uplink bandwidth | strategy | throughput (/s) | on time ratio (%) | latency p95 (s) | bytes saved (GB) | bytes saved (MB/s) |", summary[0]);
        // The byte total grows with the horizon; beside it, the same per second of the 15 s measured.
        var saved = ResultWriter.Summaries(spec, records).Where(x => x.Metric == "bytes_saved").ToArray();
        var perSecond = SiteSet.Metrics["bytes_saved"].Shown(saved.Select(x => x.Summary.Mean / 15));
        var first = saved.First(x => x.Point == 0 && x.Strategy == 0).Summary;
        Assert.EndsWith($"| {perSecond.Estimate(first.Mean / 15, first.HalfWidth / 15)} |", summary[2]);
        // Shown to the digits the interval supports: the half-width with two significant digits, the mean to its last place.
        var estimate = System.Text.RegularExpressions.Regex.Match(summary[2], @"\| ([\d.]+) ± ([\d.]+) \|$");
        Assert.True(estimate.Success, summary[2]);
        string half = estimate.Groups[2].Value;
        if (half.Contains('.')) Assert.Equal(2, half.Replace(".", "", StringComparison.Ordinal).TrimStart('0').Length);
        Assert.Equal(estimate.Groups[1].Value.Split('.').ElementAtOrDefault(1)?.Length ?? 0, estimate.Groups[2].Value.Split('.').ElementAtOrDefault(1)?.Length ?? 0);
        Assert.Contains(summary, l => l.StartsWith("| 20 MHz | pl-dp |", StringComparison.Ordinal));
        Assert.DoesNotContain(summary.Skip(2), l => System.Text.RegularExpressions.Regex.IsMatch(l, @"\de[+-]?\d"));
        var paired = report.Split('\n').SkipWhile(l => !l.StartsWith("## Throughput against no-sharing", StringComparison.Ordinal)).Skip(2).TakeWhile(l => l.StartsWith('|')).ToArray();
        Assert.Equal("| uplink bandwidth | strategy | difference in throughput (/s) | 95 % interval | relative difference (higher is better) |", paired[0]);
        Assert.Contains(paired, l => l.StartsWith("| 20 MHz | pl-dp |", StringComparison.Ordinal));
        // Where lower is better, the relative column says so: pl-dp's shorter latency is a negative difference.
        var lower = ExperimentReader.Read(file, new[] { "replications=2", "horizon=20 s", "warmup=5 s", "strategies=[pl-dp, no-sharing]", "primary=latency_mean" });
        var latency = Report.Markdown(lower, new Runner(lower, 2).Run()).Split('\n')
            .SkipWhile(l => !l.StartsWith("## Latency mean against no-sharing", StringComparison.Ordinal)).Skip(2).TakeWhile(l => l.StartsWith('|')).ToArray();
        Assert.EndsWith("| 95 % interval | relative difference (lower is better) |", latency[0]);
    }

    [Fact]
    public void The_paired_table_of_a_network_experiment_reads_in_units_without_exponents()
    {
        string file = Path.Combine(Simulator.Testing.RepositoryRoot.Find(), "experiments", "chasing", "chasing-online.yaml");
        var spec = ExperimentReader.Read(file, new[] { "replications=2", "scenario.requests.count=60", "strategies=[mec-egreedy, mec-oracle]", "primary=total_delay" });
        var report = Report.Markdown(spec, new Runner(spec, 2).Run());
        var paired = report.Split('\n').SkipWhile(l => !l.StartsWith("## Total delay against mec-egreedy", StringComparison.Ordinal)).Skip(2).TakeWhile(l => l.StartsWith('|')).ToArray();
        Assert.Matches(@"^\| requests context model \| strategy \| difference in total delay \((s|ms)\) \|", paired[0]);
        Assert.Equal(4, paired.Length);
        Assert.DoesNotContain(paired.Skip(2), l => System.Text.RegularExpressions.Regex.IsMatch(l, @"\de[+-]?\d"));
    }

    [Fact]
    public void The_summary_shows_the_primary_metric_first_when_the_kinds_headline_lacks_it()
    {
        // The stochastic network's headline is about delay; the online experiment ranks by regret.
        string file = Path.Combine(Simulator.Testing.RepositoryRoot.Find(), "experiments", "chasing", "chasing-online-stochastic.yaml");
        var spec = ExperimentReader.Read(file, new[] { "replications=2", "horizon=60 s", "warmup=10 s", "strategies=[mec-egreedy, mec-ol]", "plots=[]" });
        Assert.Equal("regret", spec.Primary.Name);
        Assert.DoesNotContain(spec.Primary, spec.Metrics.Headline);
        var report = Report.Markdown(spec, new Runner(spec, 2).Run());
        var summary = report.Split('\n').SkipWhile(l => !l.StartsWith("## Summary", StringComparison.Ordinal)).Skip(2).TakeWhile(l => l.StartsWith('|')).ToArray();
        var header = summary[0].Split('|', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(new[] { "strategy", "regret" }, header[..2]);
        Assert.Equal(spec.Metrics.Headline.Count + 2, header.Length);
        Assert.Equal(2, summary.Length - 2); // a row per strategy under the header and its rule
    }
}

public class PairedGainPlotTests
{
    [Fact]
    public void The_paired_gain_plot_draws_each_strategys_paired_difference_with_its_band_and_zero()
    {
        var spec = Quickstart.Read(new[] { "replications=3", "horizon=30 s", "warmup=5 s" });
        var records = new Runner(spec, 2).Run();
        var (plot, name) = Plots.Draw(spec, records, spec.Plots.Single(p => p.Kind.Name == "paired-gain"));
        Assert.Equal("throughput-gain-vs-rate", name);
        var lines = plot.GetPlottables().OfType<ScottPlot.Plottables.Scatter>().ToArray();
        Assert.Equal(new[] { "pl-dp", "pl-greedy", "fcfs" }, lines.Select(l => l.LegendText));
        Assert.Equal(3, plot.GetPlottables().OfType<ScottPlot.Plottables.FillY>().Count());
        Assert.Equal(0, plot.GetPlottables().OfType<ScottPlot.Plottables.HorizontalLine>().Single().Y);
        var paired = ResultWriter.Paired(spec, records).Where(r => r.Metric == "throughput").ToArray();
        for (int s = 0; s < lines.Length; s++)
        {
            int strategy = spec.Strategies.Select((x, i) => (x, i)).Single(x => x.x.Label == lines[s].LegendText).i;
            var expected = paired.Where(r => r.Strategy == strategy).OrderBy(r => r.Point).Select(r => r.Paired.Difference.Mean);
            Assert.Equal(expected, lines[s].Data.GetScatterPoints().Select(pt => pt.Y));
        }
    }
}

public class OutcomesPlotTests
{
    [Fact]
    public void The_outcomes_plot_stacks_each_strategys_mean_outcomes_and_they_add_up_to_the_arrivals()
    {
        var spec = Quickstart.Read(new[] { "replications=2", "horizon=30 s", "warmup=5 s", "plots=[{kind: outcomes, at: {scenario.arrivals.rate: 20}}]" });
        var records = new Runner(spec, 2).Run();
        var (plot, name) = Plots.Draw(spec, records, spec.Plots.Single());
        Assert.Equal("outcomes", name);
        var bars = plot.GetPlottables().OfType<ScottPlot.Plottables.BarPlot>().Single().Bars;
        Assert.Equal(spec.Strategies.Count * 5, bars.Count);
        Assert.Equal(new[] { "on time", "late", "expired", "rejected", "unfinished" }, plot.Legend.ManualItems.Select(i => i.LabelText));
        var summaries = ResultWriter.Summaries(spec, records).Where(x => x.Point == 2).ToDictionary(x => (x.Strategy, x.Metric), x => x.Summary.Mean);
        for (int s = 0; s < spec.Strategies.Count; s++)
        {
            var stack = bars.Where(b => b.Position == s).OrderBy(b => b.ValueBase).ToArray();
            Assert.Equal(summaries[(s, "on_time")], stack[0].Value - stack[0].ValueBase, 9);
            Assert.Equal(summaries[(s, "expired")], stack[2].Value - stack[2].ValueBase, 9);
            Assert.Equal(summaries[(s, "arrived")], stack[^1].Value, 9);
        }
    }
}
