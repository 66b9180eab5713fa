using System.Text.RegularExpressions;

namespace Simulator.Cli.Tests;

/// <summary>
/// <c>validate</c> given the files of a folder: experiments with the overrides, and the other files the simulator
/// reads (catalogs, static rounds, network windows, the hardware profiles, plots sections, CSV files) as what they are, each refused at its own
/// file and line by the reader the command that takes it uses.
/// </summary>
public class ValidateCommandTests
{
    private static readonly string Root = RepositoryRoot.Find();
    private static readonly string Corpus = Path.Combine(Root, "tests", "Simulator.Cli.Tests", "Corpus");

    [Fact]
    public void Every_shipped_file_validates_each_as_what_it_is()
    {
        var files = Directory.GetDirectories(Path.Combine(Root, "experiments")).SelectMany(d => Directory.GetFiles(d, "*.yaml")).Order(StringComparer.Ordinal).ToArray();
        var (code, output, error) = CliHarness.Run(new[] { "validate" }.Concat(files).ToArray());
        Assert.True(code == 0, error);
        var lines = output.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(files.Length, lines.Length);
        Assert.All(lines, l => Assert.StartsWith("ok: ", l, StringComparison.Ordinal));
        Assert.Contains("ok: two-resnet50-clusters.yaml: a catalog description, 10 models of 43 blocks", lines);
        Assert.Contains("ok: small-round.yaml: a static round of 8 users over 4 models", lines);
        Assert.Contains("ok: hardware.yaml: hardware profiles, 5 disks, 3 PCIe links and 3 GPUs", lines);
        Assert.True(lines.Count(l => Regex.IsMatch(l, @"^ok: [\w-]+: \d+ point\(s\) x ")) == files.Length - 4, output);
    }

    [Fact]
    public void Each_bad_catalog_round_and_window_is_refused_at_its_own_file_and_line()
    {
        var bad = new[] { "catalogs", "instances" }.SelectMany(d => Directory.GetFiles(Path.Combine(Corpus, d)))
            .Where(f => !Path.GetFileName(f).StartsWith("good", StringComparison.Ordinal) && Path.GetFileName(f) != "thirteen-users.yaml" && Path.GetFileName(f) != "window-good.json")
            .Order(StringComparer.Ordinal).ToArray();
        var good = new[] { Path.Combine(Corpus, "catalogs", "good.yaml"), Path.Combine(Corpus, "instances", "good.yaml"), Path.Combine(Corpus, "instances", "window-good.json") };
        var (code, output, error) = CliHarness.Run(new[] { "validate" }.Concat(bad).Concat(good).ToArray());
        Assert.Equal(2, code);
        Assert.Equal(new[] { "ok: good.yaml: a catalog, 2 models of 3 blocks", "ok: good.yaml: a static round of 2 users over 2 models", "ok: window-good.json: a network window of 2 requests, 2 cloudlets and 2 models" },
            output.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        var refusals = error.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal($"{bad.Length} of {bad.Length + good.Length} files refused.", refusals[^1]);
        Assert.Equal(bad.Select(f => f + ":"), refusals[..^1].Select(l => Regex.Match(l, @"^(.+?:)\d+: ").Groups[1].Value));
        // A window without its mark is told what solve tells it.
        Assert.Contains(refusals, l => l.EndsWith("window-kind-missing.json:1: this looks like a network window (cloudlets, requests) but has no 'kind: network-window': add it as its first line.", StringComparison.Ordinal));
        Assert.Contains(refusals, l => l.EndsWith("unknown-block.yaml:7: models[1].blocks[1]: model 'B' lists unknown block 'c'. Did you mean 's'?", StringComparison.Ordinal));
    }

    [Fact]
    public void A_csv_is_read_as_its_header_says_and_each_bad_one_is_refused_at_its_own_line()
    {
        string[] good = ["placement-good.csv", "three-sites.csv", "all-in-warmup.csv", "unknown-model.csv"];
        var bad = new[] { "coordinates", "traces" }.SelectMany(d => Directory.GetFiles(Path.Combine(Corpus, d))).Where(f => !good.Contains(Path.GetFileName(f))).Order(StringComparer.Ordinal).ToArray();
        var eua = Directory.GetFiles(Path.Combine(Root, "experiments", "data", "eua"), "*.csv").Order(StringComparer.Ordinal).ToArray();
        var goodFiles = new[] { "coordinates/placement-good.csv", "coordinates/three-sites.csv", "traces/all-in-warmup.csv", "traces/unknown-model.csv" }.Select(f => Path.Combine(Corpus, f));
        var (code, output, error) = CliHarness.Run(new[] { "validate" }.Concat(eua).Concat(goodFiles).Concat(bad).ToArray());
        Assert.Equal(2, code);
        Assert.Equal(new[]
        {
            "ok: sites-optus-melbcbd.csv: 125 places (latitude, longitude) over 1.993 km by 1.32 km; scenario.network.sites.file and scenario.requests.users.file read it",
            "ok: users-melbcbd-generated.csv: 816 places (latitude, longitude) over 1.994 km by 1.449 km; scenario.network.sites.file and scenario.requests.users.file read it",
            "ok: placement-good.csv: a placement of 2 user positions, 50 to 100 m from the base station; scenario.uplink.placement.file reads it (kind: file)",
            "ok: three-sites.csv: 3 places (latitude, longitude) over 1.757 km by 2.224 km; scenario.network.sites.file and scenario.requests.users.file read it",
            "ok: all-in-warmup.csv: an arrivals trace of 3 requests from 0 s to 20 s; scenario.arrivals.file reads it (process: trace), against the experiment's catalog",
            "ok: unknown-model.csv: an arrivals trace of 2 requests from 0 s to 1 s; scenario.arrivals.file reads it (process: trace), against the experiment's catalog",
        }, output.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        var refusals = error.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal($"{bad.Length} of {bad.Length + 6} files refused.", refusals[^1]);
        Assert.Equal(bad.Select(f => f + ":"), refusals[..^1].Select(l => Regex.Match(l, @"^(.+?:)\d+: ").Groups[1].Value));
        // Each by the reader its key uses, as an experiment that names it would be told; a header none has is told which ones there are.
        Assert.Contains(refusals, l => l.EndsWith("no-latitude.csv:1: no 'latitude' column; the header has CL_ID, LAT, LONGITUDE.", StringComparison.Ordinal));
        Assert.Contains(refusals, l => l.EndsWith("placement-at-station.csv:2: a user cannot stand at the base station itself.", StringComparison.Ordinal));
        Assert.Contains(refusals, l => l.EndsWith("out-of-order.csv:4: time 1 is before the previous row's 2; rows must be in time order.", StringComparison.Ordinal));
        Assert.Contains(refusals, l => l.EndsWith("traces/header-only.csv:1: the trace has a header but no requests.", StringComparison.Ordinal));
        Assert.Contains(refusals, l => l.EndsWith("placement-header.csv:1: a CSV the simulator reads has the columns latitude and longitude (places: scenario.network.sites.file, scenario.requests.users.file), x and y (scenario.uplink.placement.file) or time, model, bytes, deadline (scenario.arrivals.file); this header has lat, lon.", StringComparison.Ordinal));
    }

    [Fact]
    public void Overrides_change_the_experiments_among_the_files_and_are_refused_with_none()
    {
        string catalog = Path.Combine(Root, "experiments", "catalogs", "two-resnet50-clusters.yaml");
        string quickstart = Path.Combine(Root, "experiments", "quickstart.yaml");
        var alone = CliHarness.Run("validate", catalog, "--replications", "3");
        Assert.Equal(2, alone.Code);
        Assert.Equal("--set, --seed, --replications and --plugin change experiments (--plugin also the kinds a plots section is checked in), and the file given is not one: they would change nothing.", alone.Error.Trim());
        Assert.Equal("", alone.Output);
        var mixed = CliHarness.Run("validate", catalog, quickstart, "--replications", "3");
        Assert.True(mixed.Code == 0, mixed.Error);
        Assert.Contains("ok: quickstart: 3 point(s) x 4 strategies x 3 replications;", mixed.Output, StringComparison.Ordinal);
        Assert.Contains("ok: two-resnet50-clusters.yaml: a catalog description", mixed.Output, StringComparison.Ordinal);
        // Without overrides a lone catalog is simply checked.
        var plain = CliHarness.Run("validate", catalog);
        Assert.Equal((0, "ok: two-resnet50-clusters.yaml: a catalog description, 10 models of 43 blocks"), (plain.Code, plain.Output.Trim()));
    }

    [Fact]
    public void A_plots_section_is_checked_in_every_kind_that_draws_it_and_refused_where_none_draws_it_all()
    {
        string dir = Directory.CreateTempSubdirectory("plots-").FullName;
        try
        {
            string Write(string name, string figures)
            {
                string path = Path.Combine(dir, name);
                File.WriteAllText(path, "plots:\n" + figures);
                return path;
            }
            var site = Write("site.yaml", "  - {x: scenario.arrivals.rate, y: gpu_hit_ratio}\n  - {kind: outcomes, at: {scenario.arrivals.rate: 5 /s}}\n");
            var online = Write("online.yaml", "  - {kind: regret}\n");
            var mixed = Write("mixed.yaml", "  - {kind: regret}\n  - {kind: outcomes}\n");
            var misspelt = Write("misspelt.yaml", "  - {kind: cdf}\n  - {x: scenario.arrivals.rate, y: troughput}\n");
            var noY = Write("no-y.yaml", "  - {kind: outcomes, y: latency}\n");
            var (code, output, error) = CliHarness.Run("validate", site, online, mixed, misspelt, noY);
            Assert.Equal(2, code);
            Assert.Equal(new[]
            {
                "ok: site.yaml: a plots section of 2 figures, drawn by single-site or one-shot or network-of-sites experiments; `plot <dir> --plots` checks its x and at against a folder's sweep",
                "ok: online.yaml: a plots section of 1 figure, drawn by network-one-shot experiments; `plot <dir> --plots` checks its x and at against a folder's sweep",
            }, output.Split('\n', StringSplitOptions.RemoveEmptyEntries));
            Assert.Equal(new[]
            {
                $"{mixed}:1: no one scenario kind draws all of these figures: figure 1 is drawn by network-one-shot; figure 2 is drawn by single-site, one-shot, network, network-of-sites.",
                $"{misspelt}:3: plots[1]: unknown metric 'troughput'. Did you mean 'throughput'?",
                $"{noY}:2: plots[0].y: an outcomes plot shows what became of the requests at one sweep point (on time, late, expired, rejected, unfinished), stacked per strategy: it takes no y.",
                "3 of 5 files refused.",
            }, error.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => l.Split(" A single-site scenario reports:")[0]));
            // run is told what the file is, not that it lacks a name.
            var run = CliHarness.Run("run", site);
            Assert.Equal((2, $"{site}:1: this is a plots section: `plot <dir> --plots <file>` draws a results folder's figures with it; expected an experiment (name, seed, scenario, strategies, ...)."), (run.Code, run.Error.Trim()));
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }
}
