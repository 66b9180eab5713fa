using System.Text.RegularExpressions;

namespace Simulator.Cli.Tests;

/// <summary>
/// <c>validate</c> given the files of a folder: experiments with the overrides, and the other files the simulator
/// reads (catalogs, static rounds, network windows, the hardware profiles) as what they are, each refused at its own
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
    public void Overrides_change_the_experiments_among_the_files_and_are_refused_with_none()
    {
        string catalog = Path.Combine(Root, "experiments", "catalogs", "two-resnet50-clusters.yaml");
        string quickstart = Path.Combine(Root, "experiments", "quickstart.yaml");
        var alone = CliHarness.Run("validate", catalog, "--replications", "3");
        Assert.Equal(2, alone.Code);
        Assert.Equal("--set, --seed, --replications and --plugin change experiments, and the file given is not one: they would change nothing.", alone.Error.Trim());
        Assert.Equal("", alone.Output);
        var mixed = CliHarness.Run("validate", catalog, quickstart, "--replications", "3");
        Assert.True(mixed.Code == 0, mixed.Error);
        Assert.Contains("ok: quickstart: 3 point(s) x 4 strategies x 3 replications;", mixed.Output, StringComparison.Ordinal);
        Assert.Contains("ok: two-resnet50-clusters.yaml: a catalog description", mixed.Output, StringComparison.Ordinal);
        // Without overrides a lone catalog is simply checked.
        var plain = CliHarness.Run("validate", catalog);
        Assert.Equal((0, "ok: two-resnet50-clusters.yaml: a catalog description, 10 models of 43 blocks"), (plain.Code, plain.Output.Trim()));
    }
}
