namespace Simulator.Experiments.Tests;

/// <summary>report.md opens with findings read off the results: they must name the strategy the tables make best, with the paired numbers of the paired table.</summary>
public class FindingsTests
{
    private static string[] FindingsOf(string report) =>
        report.Split('\n').SkipWhile(l => l != "## Findings").Skip(2).TakeWhile(l => l.Length > 0).ToArray();

    [Fact]
    public void The_findings_name_the_winner_per_point_its_paired_gain_where_it_is_largest_and_why()
    {
        var spec = Quickstart.Read(new[] { "replications=3", "horizon=40 s", "warmup=5 s", "plots=[]" });
        var records = new Runner(spec, 2).Run();
        var findings = FindingsOf(Report.Markdown(spec, records));
        Assert.Contains("- horizon 40 s, warm-up 5 s; intervals are Student-t 95 %", Report.Markdown(spec, records));
        var means = ResultWriter.Summaries(spec, records).Where(x => x.Metric == "throughput").ToDictionary(x => (x.Point, x.Strategy), x => x.Summary.Mean);
        var winners = spec.Points.Select(pt => Enumerable.Range(0, spec.Strategies.Count).MaxBy(s => means[(pt.Index, s)])).ToArray();
        if (winners.Distinct().Count() == 1)
            Assert.Equal($"- **Which strategy wins**: {spec.Strategies[winners[0]].Label}, with the highest throughput at every one of the 3 points.", findings[0]);
        else Assert.StartsWith("- **Which strategy wins** (the highest throughput): ", findings[0]);
        var paired = ResultWriter.Paired(spec, records).Where(p => p.Metric == "throughput").ToDictionary(p => (p.Point, p.Strategy), p => p.Paired);
        foreach (var pt in spec.Points)
        {
            int w = winners[pt.Index];
            string rate = pt.Written["scenario.arrivals.rate"];
            var line = Assert.Single(findings, l => l.StartsWith($"  - {spec.Strategies[w].Label} at arrivals rate = {rate}:", StringComparison.Ordinal));
            var d = paired[(pt.Index, w)];
            Assert.Contains($"+{MetricUnit.Number(d.Difference.Mean)} /s [", line);
            Assert.Contains(d.Difference.Low > 0 ? "a difference (the interval excludes 0)" : "not distinguishable", line);
        }
        var largest = spec.Points.MaxBy(pt => paired[(pt.Index, winners[pt.Index])].RelativeGain)!;
        Assert.Contains(findings, l => l.StartsWith($"- **Where**: the winner's gain is largest at arrivals rate = {largest.Written["scenario.arrivals.rate"]} (", StringComparison.Ordinal));
        var why = Assert.Single(findings, l => l.StartsWith("- **Why**", StringComparison.Ordinal));
        Assert.Equal(3, why.Split("; ").Length);
        Assert.Contains(" against ", why);
    }

    [Fact]
    public void On_a_network_the_winner_is_the_lowest_delay()
    {
        string file = Path.Combine(Simulator.Testing.RepositoryRoot.Find(), "experiments", "chasing", "chasing-online.yaml");
        // The experiment is about regret (primary: regret); named otherwise, the findings rank by that metric instead.
        var spec = ExperimentReader.Read(file, new[] { "replications=2", "scenario.requests.count=40", "strategies=[mec-egreedy, mec-oracle, mec-ilp]", "plots=[]", "primary=total_delay" });
        Assert.Equal("total_delay", spec.Primary.Name);
        var records = new Runner(spec, 2).Run();
        var findings = FindingsOf(Report.Markdown(spec, records));
        var means = ResultWriter.Summaries(spec, records).Where(x => x.Metric == "total_delay").ToDictionary(x => (x.Point, x.Strategy), x => x.Summary.Mean);
        // mec-oracle knows every penalty: a bound, never the winner, whatever it scores.
        Assert.StartsWith("- mec-oracle reports a bound", findings[0]);
        var winners = spec.Points.Select(pt => Enumerable.Range(0, spec.Strategies.Count).Where(s => !spec.Strategies[s].IsBound).MinBy(s => means[(pt.Index, s)])).Distinct().ToArray();
        Assert.Contains("lowest total delay", findings[1]);
        Assert.All(winners, w => Assert.Contains(spec.Strategies[w].Label, findings[1]));
        Assert.DoesNotContain("mec-oracle", findings[1]);
    }

    [Fact]
    public void A_winner_that_gives_up_accuracy_is_told_so_in_the_sentence_that_names_it()
    {
        string file = Path.Combine(Simulator.Testing.RepositoryRoot.Find(), "experiments", "chasing", "chasing-requests.yaml");
        var spec = ExperimentReader.Read(file, new[] { "replications=2", "plots=[]", "sweep={scenario.requests.count: [50]}", "strategies=[mec-ilp, mec-nonshare, mec-lp]" });
        var records = new Runner(spec, 2).Run();
        var findings = FindingsOf(Report.Markdown(spec, records));
        var means = ResultWriter.Summaries(spec, records).Where(x => x.Metric == "mean_accuracy").ToDictionary(x => x.Strategy, x => x.Summary.Mean);
        // mec-ilp takes whichever model clears the requirement; mec-nonshare the most accurate: far more than 5 % apart.
        Assert.True(means[0] < 0.95 * means[1], $"{means[0]} against {means[1]}");
        // One window at t = 0: the report says so rather than giving a horizon that nothing passes through.
        Assert.Contains("- one round at t = 0 (network-one-shot: no time passes); intervals are Student-t 95 %", Report.Markdown(spec, records));
        // Its description is a folded block (>), which ends in a line break: one blank line follows it, not two.
        Assert.EndsWith("\n", spec.Description);
        Assert.Contains(spec.Description.TrimEnd() + "\n\n- seed", Report.Markdown(spec, records));
        string gain = findings.Single(l => l.StartsWith("  - mec-ilp", StringComparison.Ordinal));
        Assert.Matches(@"but its mean accuracy is 0\.\d+ against the baseline's 0\.\d+ \(-\d+\.\d %, worse\)", gain);
        Assert.Contains("- mec-lp reports a bound", findings[0]);
    }

    [Fact]
    public void Strategies_with_equal_means_are_named_together_as_tied()
    {
        // A second label of the same strategy runs the same streams, so its runs equal the first's.
        var spec = Quickstart.Read(new[] { "replications=2", "horizon=20 s", "warmup=2 s", "plots=[]", "strategies=[no-sharing, pl-greedy, {name: pl-greedy, label: twin}]", "sweep={scenario.arrivals.rate: [10 /s, 20 /s]}" });
        var records = new Runner(spec, 2).Run();
        var means = ResultWriter.Summaries(spec, records).Where(x => x.Metric == "throughput").ToDictionary(x => (x.Point, x.Strategy), x => x.Summary.Mean);
        Assert.All(spec.Points, pt => Assert.Equal(means[(pt.Index, 1)], means[(pt.Index, 2)]));
        Assert.All(spec.Points, pt => Assert.True(means[(pt.Index, 1)] > means[(pt.Index, 0)], $"pl-greedy {means[(pt.Index, 1)]} against no-sharing {means[(pt.Index, 0)]}"));
        var findings = FindingsOf(Report.Markdown(spec, records));
        Assert.Equal("- **Which strategy wins**: pl-greedy (tied with twin), with the highest throughput at every one of the 2 points.", findings[0]);
        Assert.Equal(2, findings.Count(l => l.StartsWith("  - pl-greedy (tied with twin) at arrivals rate = ", StringComparison.Ordinal)));
    }

    [Fact]
    public void A_tie_with_the_baseline_is_named_by_the_baseline_and_claims_no_gain()
    {
        // The twin of the baseline runs its streams: at every point the two tie, and nothing beats the baseline by 0.
        var spec = Quickstart.Read(new[] { "replications=2", "horizon=20 s", "warmup=2 s", "plots=[]", "strategies=[no-sharing, {name: pl-greedy, label: twin}, pl-greedy]", "baseline=pl-greedy", "sweep={scenario.arrivals.rate: [10 /s, 20 /s]}" });
        var records = new Runner(spec, 2).Run();
        var findings = FindingsOf(Report.Markdown(spec, records));
        Assert.Equal(new[]
        {
            "- **Which strategy wins**: pl-greedy (tied with twin), with the highest throughput at every one of the 2 points.",
            "- **By how much**, against pl-greedy over the same replications (paired 95 % intervals):",
            "  - pl-greedy (tied with twin) itself is best at arrivals rate = 10 /s.",
            "  - pl-greedy (tied with twin) itself is best at arrivals rate = 20 /s.",
            AllAtOnce(spec, records),
        }, findings);
        // The twin's differences are all 0: no interval, alone or widened, can exclude it.
        Assert.Contains("All 4 comparisons at once", findings[^1], StringComparison.Ordinal);
    }

    [Fact]
    public void Where_every_strategy_ties_none_is_named()
    {
        // Over a 1e-30 Hz uplink no input arrives: every strategy serves nothing, and naming one (the baseline, or the
        // first listed) the winner would read as a result.
        string[] settings = ["replications=2", "horizon=20 s", "warmup=2 s", "plots=[]", "strategies=[no-sharing, pl-greedy, fcfs]", "baseline=no-sharing"];
        var dead = Quickstart.Read([.. settings, "sweep={scenario.arrivals.rate: [10 /s, 20 /s]}", "scenario.uplink.bandwidth=1e-30 Hz"]);
        var findings = FindingsOf(Report.Markdown(dead, new Runner(dead, 2).Run()));
        Assert.Equal("- **Which strategy wins**: none: all 3 strategies have the same throughput at every one of the 2 points, so there is no gain to measure.", findings[0]);
        Assert.DoesNotContain(findings, l => l.Contains("By how much", StringComparison.Ordinal) || l.Contains("itself is best", StringComparison.Ordinal));
        // Beside a point where the strategies differ, the tied point is named as one.
        var mixed = Quickstart.Read([.. settings, "sweep={scenario.uplink.bandwidth: [1e-30 Hz, 20 MHz]}", "scenario.arrivals.rate=20 /s"]);
        var records = new Runner(mixed, 2).Run();
        var means = ResultWriter.Summaries(mixed, records).Where(x => x.Metric == "throughput" && x.Point == 1).ToDictionary(x => mixed.Strategies[x.Strategy].Label, x => x.Summary.Mean);
        Assert.True(means["pl-greedy"] > means["no-sharing"] && means["pl-greedy"] > means["fcfs"], string.Join(", ", means));
        findings = FindingsOf(Report.Markdown(mixed, records));
        Assert.Equal("- **Which strategy wins** (the highest throughput): none (all 3 tie) at uplink bandwidth = 1e-30 Hz; pl-greedy at uplink bandwidth = 20 MHz.", findings[0]);
        Assert.Equal("  - no strategy differs from no-sharing at uplink bandwidth = 1e-30 Hz: all 3 tie.", findings[2]);
        Assert.StartsWith("  - pl-greedy at uplink bandwidth = 20 MHz: +", findings[3], StringComparison.Ordinal);
        // In a sweep of two settings, the table's row says the same.
        var grid = Quickstart.Read([.. settings, "sweep={scenario.uplink.bandwidth: [1e-30 Hz], scenario.arrivals.rate: [10 /s, 20 /s]}"]);
        string report = Report.Markdown(grid, new Runner(grid, 2).Run());
        Assert.Contains("| 1e-30 Hz | 10 /s | none (all 3 tie) | no difference (all tie) |", report);
    }

    [Fact]
    public void A_gain_that_one_replication_measures_has_no_interval_and_no_verdict()
    {
        // At 0.001 requests/s over 390 measured seconds most replications see no request, so a paired difference
        // can rest on one replication: its interval is n/a, and "the interval includes 0" would be untrue.
        string file = Path.Combine(Simulator.Testing.RepositoryRoot.Find(), "experiments", "chasing", "chasing-stochastic.yaml");
        var spec = ExperimentReader.Read(file, ["replications=2", "horizon=400 s", "warmup=10 s", "plots=[]", "scenario.requests.rate=0.001 /s"]);
        var records = new Runner(spec, 2).Run();
        var paired = ResultWriter.Paired(spec, records).Where(p => p.Metric == "mean_delay").ToArray();
        var alone = paired.Where(p => p.Paired.Difference.N == 1).ToArray();
        Assert.NotEmpty(alone);
        var findings = FindingsOf(Report.Markdown(spec, records));
        var lines = findings.Where(l => l.StartsWith("  - ", StringComparison.Ordinal) && l.Contains("[n/a, n/a]", StringComparison.Ordinal)).ToArray();
        Assert.NotEmpty(lines);
        Assert.All(lines, l => Assert.Contains("; no interval: only 1 replication measures both", l));
        Assert.DoesNotContain(findings, l => l.Contains("[n/a, n/a]", StringComparison.Ordinal) && l.Contains("the interval includes 0", StringComparison.Ordinal));
    }

    /// <summary>
    /// The line on all the paired comparisons, recomputed from the runs: each non-baseline strategy that is not a bound,
    /// at each point, its per-replication differences to the baseline on the primary metric, and whether the Student-t
    /// interval at 95 % and at 1 - 0.05/m lies off 0.
    /// </summary>
    private static string AllAtOnce(ExperimentSpec spec, IReadOnlyList<RunRecord> records)
    {
        int baseline = spec.Strategies.ToList().FindIndex(s => s.Label == spec.Baseline);
        var differences = new List<double[]>();
        foreach (var point in spec.Points)
            for (int s = 0; s < spec.Strategies.Count; s++)
            {
                if (s == baseline || spec.Strategies[s].IsBound) continue;
                double Value(int strategy, int r) => records.Single(x => x.Cell == new Cell(point.Index, strategy, r)).Values[spec.Primary];
                var d = records.Where(x => x.Cell.Point == point.Index && x.Cell.Strategy == s).Select(x => Value(s, x.Cell.Replication) - Value(baseline, x.Cell.Replication)).Where(v => !double.IsNaN(v)).ToArray();
                if (d.Length >= 2) differences.Add(d);
            }
        int m = differences.Count;
        bool Off(double[] d, double confidence)
        {
            double mean = d.Average(), sd = Math.Sqrt(d.Sum(v => (v - mean) * (v - mean)) / (d.Length - 1));
            double half = MathNet.Numerics.Distributions.StudentT.InvCDF(0, 1, d.Length - 1, 1 - (1 - confidence) / 2) * sd / Math.Sqrt(d.Length);
            return mean - half > 0 || mean + half < 0;
        }
        int alone = differences.Count(d => Off(d, 0.95)), together = differences.Count(d => Off(d, 1 - 0.05 / m));
        return $"- **All {m} comparisons at once** (each strategy against {spec.Baseline} at each point, on {spec.Primary.Words}): {alone} of {m} paired intervals {(alone == 1 ? "excludes" : "exclude")} 0 at 95 % each, and {together} still {(together == 1 ? "does" : "do")} widened so that all {m} hold together at 95 % (Bonferroni, each at {(100 * (1 - 0.05 / m)).ToString("0.##", System.Globalization.CultureInfo.InvariantCulture)} %).";
    }

    [Fact]
    public void The_findings_count_the_paired_comparisons_that_exclude_0_alone_and_all_together()
    {
        // chasing-online: three learners and the offline optimum against mec-egreedy at two points; the oracle is a bound, left out.
        var spec = ExperimentReader.Read(Path.Combine(Simulator.Testing.RepositoryRoot.Find(), "experiments", "chasing", "chasing-online.yaml"), new[] { "replications=4", "plots=[]" });
        var records = new Runner(spec, 2).Run();
        string line = Assert.Single(FindingsOf(Report.Markdown(spec, records)), l => l.StartsWith("- **All ", StringComparison.Ordinal));
        Assert.Equal(AllAtOnce(spec, records), line);
        Assert.StartsWith("- **All 6 comparisons at once** (each strategy against mec-egreedy at each point, on regret): ", line);
        // Widening can only lose comparisons: the count together is at most the count alone.
        var counts = System.Text.RegularExpressions.Regex.Match(line, @": (\d+) of 6 .*, and (\d+) still");
        Assert.True(int.Parse(counts.Groups[2].Value, System.Globalization.CultureInfo.InvariantCulture) <= int.Parse(counts.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture), line);
        // One comparison, or no baseline, has no such line.
        var one = Quickstart.Read(new[] { "replications=2", "horizon=20 s", "warmup=2 s", "plots=[]", "strategies=[pl-greedy, no-sharing]", "sweep={scenario.arrivals.rate: [10 /s]}" });
        Assert.DoesNotContain(FindingsOf(Report.Markdown(one, new Runner(one, 2).Run())), l => l.StartsWith("- **All ", StringComparison.Ordinal));
    }

    /// <summary>The records with the primary metric unmeasured (n/a) at the points <paramref name="blank"/> picks, as a run that served nothing there reports it.</summary>
    private static List<RunRecord> Unmeasured(ExperimentSpec spec, IEnumerable<RunRecord> records, Func<int, bool> blank) =>
        records.Select(r =>
        {
            if (!blank(r.Cell.Point)) return r;
            var values = new MetricValues(spec.Metrics, r.Values.ToArray());
            values[spec.Primary] = double.NaN;
            return r with { Values = values };
        }).ToList();

    [Fact]
    public void A_point_where_no_strategy_has_a_value_has_no_winner_and_says_so()
    {
        var spec = Quickstart.Read(new[] { "replications=2", "horizon=20 s", "warmup=2 s", "plots=[]" });
        var measured = new Runner(spec, 2).Run();
        var findings = FindingsOf(Report.Markdown(spec, Unmeasured(spec, measured, point => point == 0)));
        Assert.StartsWith("- **Which strategy wins** (the highest throughput): ", findings[0]);
        Assert.EndsWith("; none at arrivals rate = 5 /s (no strategy has a throughput there).", findings[0]);
        Assert.DoesNotContain(findings, l => l.StartsWith("  - ", StringComparison.Ordinal) && l.Contains("= 5 /s", StringComparison.Ordinal));
        Assert.Equal(2, findings.Count(l => l.StartsWith("  - ", StringComparison.Ordinal)));

        var none = FindingsOf(Report.Markdown(spec, Unmeasured(spec, measured, _ => true)));
        Assert.Equal(new[] { "- **Which strategy wins**: none can be named: no strategy has a throughput at any point (every mean is n/a: no run measured it)." }, none);
    }

    [Theory]
    [InlineData("baseline=fcfs")]
    [InlineData("baseline=null")]
    public void One_strategy_alone_is_not_named_a_winner(string baseline)
    {
        var spec = Quickstart.Read(new[] { "replications=2", "horizon=20 s", "warmup=2 s", "plots=null", "strategies=[fcfs]", baseline });
        var findings = FindingsOf(Report.Markdown(spec, new Runner(spec, 2).Run()));
        Assert.Equal(new[] { "- **One strategy**: fcfs is the only one, so there is no winner to name and no gain to measure; its throughput is in the summary below." }, findings);
    }

    [Fact]
    public void A_table_of_points_gives_a_point_without_a_winner_its_row()
    {
        var spec = Quickstart.Read(new[] { "replications=2", "horizon=20 s", "warmup=2 s", "plots=[]", "strategies=[pl-greedy, no-sharing]", "sweep={scenario.arrivals.rate: [5 /s, 10 /s], scenario.site.disk: [hdd-7200, nvme-gen4]}" });
        var records = Unmeasured(spec, new Runner(spec, 2).Run(), point => point == 1);
        var lines = Report.Markdown(spec, records).Split('\n');
        var rows = lines.SkipWhile(l => !l.StartsWith("| arrivals rate", StringComparison.Ordinal)).Skip(2).TakeWhile(l => l.StartsWith('|')).ToArray();
        Assert.Equal(4, rows.Length);
        Assert.Equal("| 5 /s | nvme-gen4 | none (no value) | n/a |", rows[1]);
        Assert.All(rows.Where((_, i) => i != 1), r => Assert.DoesNotContain("none", r));
    }
}
