namespace Simulator.Cli.Tests;

/// <summary>
/// `--quiet` means nothing on standard error for a run that succeeds: no progress, and no message from the native
/// graphics library while figures are written as PNG, SVG and PDF (bounds drawn dashed, bars and lines, log axes).
/// </summary>
public sealed class QuietTests : IDisposable
{
    private static readonly string Root = RepositoryRoot.Find();
    private readonly string root = Path.Combine(Path.GetTempPath(), $"quiet-{Guid.NewGuid():N}");

    public void Dispose()
    {
        if (Directory.Exists(root)) Directory.Delete(root, true);
    }

    [Theory]
    [InlineData("experiments/chasing/chasing-online.yaml", "scenario.requests.count=60")]
    [InlineData("experiments/chasing/chasing-requests.yaml", "sweep={scenario.requests.count: [10, 20]}")]
    [InlineData("experiments/quickstart.yaml", "horizon=60 s")]
    public async Task A_quiet_run_writes_nothing_on_standard_error(string file, string shorter)
    {
        string outDir = Path.Combine(root, Path.GetFileNameWithoutExtension(file));
        // Every figure in every format, so that each back end draws each kind of mark.
        var plots = File.ReadAllLines(Path.Combine(Root, file)).SkipWhile(l => l != "plots:").Skip(1).TakeWhile(l => l.StartsWith("  - ", StringComparison.Ordinal))
            .Select(l => l.Trim()[2..^1] + ", format: [png, svg, pdf]}");
        string[] args = { "run", Path.Combine(Root, file), "--quiet", "--replications", "2", "--set", shorter, "--set", $"plots=[{string.Join(", ", plots)}]", "--out", outDir };
        var (child, error) = CliHarness.Start(args);
        using (child)
        {
            string log = await error;
            await child.WaitForExitAsync();
            Assert.True(child.ExitCode == 0, log);
            Assert.True(log.Length == 0, $"standard error under --quiet: {log}");
            Assert.NotEmpty(Directory.GetFiles(Path.Combine(outDir, "plots"), "*.svg"));
            Assert.NotEmpty(Directory.GetFiles(Path.Combine(outDir, "plots"), "*.pdf"));
        }
    }
}
