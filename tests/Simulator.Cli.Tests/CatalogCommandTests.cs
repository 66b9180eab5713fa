using Simulator.Cli;

namespace Simulator.Cli.Tests;

public class CatalogCommandTests
{
    [Fact]
    public void Catalog_prints_sizes_and_structure_and_writes_a_file_that_reads_back_the_same()
    {
        string spec = Path.Combine(RepositoryRoot.Find(), "experiments", "catalogs", "two-resnet50-clusters.yaml");
        string written = Path.Combine(Path.GetTempPath(), $"cat-{Guid.NewGuid():N}.yaml");
        try
        {
            var (code, output, error) = CliHarness.Run("catalog", spec, "--write", written);
            Assert.True(code == 0, error);
            Assert.StartsWith("10 models, 43 blocks, 904,882,592 bytes; backbone-sharing: 2 cluster(s)", output);
            // Depths 3 and 4 share stem, stage 1 and stage 2: (9,536 + 215,808 + 1,219,584) * 4 bytes.
            Assert.Matches(@"c0-resnet50/v2\s+6\s+94,851,728\s+5,779,712\s+c0-resnet50/v3", output);
            var again = CliHarness.Run("catalog", written);
            Assert.Equal(0, again.Code);
            Assert.Equal(output.Split('\n').Skip(1).Take(11), again.Output.Split('\n').Skip(1).Take(11));
        }
        finally
        {
            File.Delete(written);
        }
    }

    [Fact]
    public void Plot_redraws_a_results_folder()
    {
        string dir = Path.Combine(Path.GetTempPath(), $"plot-{Guid.NewGuid():N}");
        try
        {
            Assert.Equal(0, CliHarness.Run("run", "--out", dir, "--quiet", "--replications", "2", "--set", "horizon=10 s", "--set", "warmup=2 s").Code);
            Directory.Delete(Path.Combine(dir, "plots"), true);
            var (code, output, _) = CliHarness.Run("plot", dir);
            Assert.Equal(0, code);
            Assert.Contains("9 plot(s) and report.md written", output);
            Assert.True(File.Exists(Path.Combine(dir, "plots", "00-throughput-vs-rate.png")));
        }
        finally
        {
            if (Directory.Exists(dir)) Directory.Delete(dir, true);
        }
    }

}
