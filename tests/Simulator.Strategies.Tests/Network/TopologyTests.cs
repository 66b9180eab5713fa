using Simulator.Edge;
using Simulator.Edge.Network;

namespace Simulator.Strategies.Tests.Network;

public class TopologyTests
{
    private static double[,] FloydWarshall(int n, IEnumerable<(int A, int B, double W)> edges)
    {
        var d = new double[n, n];
        for (int i = 0; i < n; i++)
            for (int j = 0; j < n; j++) d[i, j] = i == j ? 0 : double.PositiveInfinity;
        foreach (var (a, b, w) in edges) d[a, b] = d[b, a] = Math.Min(d[a, b], w);
        for (int k = 0; k < n; k++)
            for (int i = 0; i < n; i++)
                for (int j = 0; j < n; j++)
                    if (d[i, k] + d[k, j] < d[i, j]) d[i, j] = d[i, k] + d[k, j];
        return d;
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void Shortest_paths_equal_floyd_warshall(bool knearest)
    {
        var rng = new Random(7);
        for (int trial = 0; trial < 60; trial++)
        {
            int m = rng.Next(1, 40);
            var sites = Enumerable.Range(0, m).Select(_ => Position.Uniform(rng, 2000)).ToArray();
            var t = Topology.Build(sites, knearest ? new KNearestEdges(rng.Next(1, 4)) : new RandomConnectedEdges(), new PaperLinks(), rng);
            var fw = FloydWarshall(t.Nodes, t.Links.Select(l => (l.A, l.B, l.Cost.SecondsPerByte)));
            for (int a = 0; a < t.Nodes; a++)
                for (int b = 0; b < t.Nodes; b++)
                    Assert.Equal(fw[a, b], t.Path(a, b).SecondsPerByte, 1e-15);
        }
    }

    [Fact]
    public void Realistic_paths_take_the_least_latency_and_the_bottleneck_bandwidth()
    {
        var rng = new Random(8);
        // The second profile makes the backhaul quicker to reach than a metro hop, so routing by latency and routing
        // by bandwidth choose different paths.
        foreach (var links in new[] { new RealisticLinks(10e9 / 8, 0.001, 1e9 / 8, 0.020), new RealisticLinks(10e9 / 8, 0.005, 1e9 / 8, 0.001) })
            for (int trial = 0; trial < 30; trial++)
            {
                var sites = Enumerable.Range(0, rng.Next(2, 30)).Select(_ => Position.Uniform(rng, 2000)).ToArray();
                var t = Topology.Build(sites, new KNearestEdges(2), links, rng);
                var fw = FloydWarshall(t.Nodes, t.Links.Select(l => (l.A, l.B, l.Cost.LatencySeconds)));
                for (int a = 0; a < t.Nodes; a++)
                    for (int b = 0; b < t.Nodes; b++)
                    {
                        Assert.Equal(fw[a, b], t.Path(a, b).LatencySeconds, 1e-12);
                        // Within the metro the path runs at 10 Gb/s; through the data centre at its 1 Gb/s backhaul.
                        double perByte = t.Path(a, b).SecondsPerByte;
                        Assert.True(a == b ? perByte == 0 : perByte == 8 / 10e9 || perByte == 8 / 1e9, $"{a}->{b}: {perByte}");
                        if (a != b && (a == t.DataCentre || b == t.DataCentre)) Assert.Equal(8 / 1e9, perByte, 1e-20);
                    }
            }
    }

    [Fact]
    public void K_nearest_edges_join_each_cloudlet_to_its_k_nearest_and_to_the_data_centre()
    {
        var rng = new Random(10);
        for (int trial = 0; trial < 20; trial++)
        {
            var sites = Enumerable.Range(0, rng.Next(4, 40)).Select(_ => Position.Uniform(rng, 2000)).ToArray();
            int k = rng.Next(1, 4);
            var t = Topology.Build(sites, new KNearestEdges(k), new PaperLinks(), rng);
            var metro = t.Links.Where(l => l.Class == LinkClass.Metro).Select(l => (Math.Min(l.A, l.B), Math.Max(l.A, l.B))).ToHashSet();
            int[] Nearest(int i) => Enumerable.Range(0, sites.Length).Where(j => j != i).OrderBy(j => sites[i].DistanceTo(sites[j])).ThenBy(j => j).Take(k).ToArray();
            var expected = Enumerable.Range(0, sites.Length).SelectMany(i => Nearest(i).Select(j => (Math.Min(i, j), Math.Max(i, j)))).ToHashSet();
            Assert.True(expected.SetEquals(metro), $"trial {trial}: {metro.Count} metro links, {expected.Count} expected");
            Assert.Equal(sites.Length, t.Links.Count(l => l.Class == LinkClass.Backhaul));
            Assert.All(Enumerable.Range(0, sites.Length), i => Assert.Contains(t.Links, l => l.Class == LinkClass.Backhaul && (l.A == i || l.B == i)));
        }
    }

    [Fact]
    public void Random_connected_graphs_are_connected_and_reach_the_data_centre_over_backhaul()
    {
        var rng = new Random(9);
        var t = Topology.Build(Enumerable.Range(0, 100).Select(_ => Position.Uniform(rng, 2000)).ToArray(), new RandomConnectedEdges(), new PaperLinks(), rng);
        Assert.All(t.Links.Where(l => l.A == t.DataCentre || l.B == t.DataCentre), l => Assert.Equal(LinkClass.Backhaul, l.Class));
        Assert.All(t.Links, l => Assert.InRange(l.Cost.SecondsPerByte * Units.GB, l.Class == LinkClass.Metro ? 5 : 10, l.Class == LinkClass.Metro ? 10 : 20));
        for (int a = 0; a < t.Nodes; a++) Assert.True(double.IsFinite(t.Path(a, t.DataCentre).SecondsPerByte));
    }
}
