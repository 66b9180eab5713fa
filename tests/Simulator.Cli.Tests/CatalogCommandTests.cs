using Simulator.Cli;
using Simulator.Experiments;

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
    public void An_experiment_s_catalog_is_the_one_it_names()
    {
        string root = RepositoryRoot.Find();
        var quickstart = CliHarness.Run("catalog", Path.Combine(root, "experiments", "quickstart.yaml"));
        var shipped = CliHarness.Run("catalog", Path.Combine(root, "experiments", "catalogs", "two-resnet50-clusters.yaml"));
        Assert.True(quickstart.Code == 0, quickstart.Error);
        Assert.Equal(shipped.Output, quickstart.Output);
    }

    [Fact]
    public void A_swept_catalog_is_printed_for_each_point_and_write_will_not_pick_one()
    {
        string experiment = Path.Combine(RepositoryRoot.Find(), "experiments", "partialloading", "pl-shared-fraction.yaml");
        var (code, output, error) = CliHarness.Run("catalog", experiment);
        Assert.True(code == 0, error);
        var headers = System.Text.RegularExpressions.Regex.Matches(output, @"^point (\d) \(catalog clusters\[0\] frozen = \[(\d)\]", System.Text.RegularExpressions.RegexOptions.Multiline);
        Assert.Equal(["0/1", "1/2", "2/3", "3/4", "4/5"], headers.Select(m => $"{m.Groups[1].Value}/{m.Groups[2].Value}"));
        // Each layer more frozen is shared within its cluster: fewer distinct blocks at every point.
        var blocks = System.Text.RegularExpressions.Regex.Matches(output, @"^10 models, (\d+) blocks", System.Text.RegularExpressions.RegexOptions.Multiline)
            .Select(m => int.Parse(m.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture)).ToArray();
        Assert.Equal(5, blocks.Length);
        Assert.True(blocks.Zip(blocks.Skip(1)).All(p => p.First > p.Second), string.Join(", ", blocks));

        string target = Path.Combine(Path.GetTempPath(), $"cat-{Guid.NewGuid():N}.yaml");
        var write = CliHarness.Run("catalog", experiment, "--write", target);
        Assert.Equal(2, write.Code);
        Assert.Contains("--write writes one catalog; the points of pl-shared-fraction.yaml use 5 (the sweep changes it).", write.Error);
        Assert.False(File.Exists(target));
    }

    [Fact]
    public void A_drawn_catalog_is_the_one_the_first_cell_s_window_holds()
    {
        string experiment = Path.Combine(RepositoryRoot.Find(), "experiments", "chasing", "chasing-requests.yaml");
        string dir = Path.Combine(Path.GetTempPath(), $"cat-{Guid.NewGuid():N}");
        Directory.CreateDirectory(dir);
        try
        {
            var (code, output, error) = CliHarness.Run("catalog", experiment, "--write", Path.Combine(dir, "catalog.yaml"));
            Assert.True(code == 0, error);
            // The sweep (of the request count) leaves the catalog's description alone: one entry, drawn per cell.
            Assert.StartsWith("drawn anew for each point and replication (the same for every strategy of one); point 0, replication 0 draws:\n", output.Replace("\r\n", "\n", StringComparison.Ordinal));
            Assert.DoesNotContain("point 1", output);
            Assert.Equal(0, CliHarness.Run("solve", experiment, "--export", Path.Combine(dir, "window.yaml")).Code);
            var window = NetworkInstanceFile.Read(Path.Combine(dir, "window.yaml")).Catalog;
            var printed = CatalogYaml.Read(Path.Combine(dir, "catalog.yaml"));
            Assert.Equal(window.Blocks.Select(b => (b.Id, b.Bytes)), printed.Blocks.Select(b => (b.Id, b.Bytes)));
            Assert.Equal(window.Models.Select(m => (m.Id, string.Join(",", m.BlockIds))), printed.Models.Select(m => (m.Id, string.Join(",", m.BlockIds))));
        }
        finally
        {
            Directory.Delete(dir, true);
        }
    }

    [Fact]
    public void A_file_of_another_kind_is_told_what_it_is()
    {
        var (code, _, error) = CliHarness.Run("catalog", Path.Combine(RepositoryRoot.Find(), "experiments", "instances", "small-round.yaml"));
        Assert.Equal(2, code);
        Assert.Contains("this is a static round (catalog, site, users): `solve <file>` plans it; expected a catalog (blocks and models, or generate), or an experiment (name, seed, scenario, strategies, ...).", error);
    }
}
