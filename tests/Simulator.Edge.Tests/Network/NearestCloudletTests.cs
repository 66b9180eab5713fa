using CsCheck;
using Simulator.Edge.Network;

namespace Simulator.Edge.Tests.Network;

public class NearestCloudletTests
{
    [Fact]
    public void The_grid_finds_the_cloudlet_a_scan_of_every_cloudlet_finds_ties_included()
    {
        // Random layouts (clustered, on a line, on a lattice where distances tie exactly, duplicates) and users inside
        // and outside the cloudlets' extent: the grid's answer is the scan's, lowest index on a tie.
        Gen.Select(Gen.Int[1, 60], Gen.Int[0, 3], Gen.Int[0, int.MaxValue]).Sample((count, layout, seed) =>
        {
            var rng = new Random(seed);
            Position Place(int i) => layout switch
            {
                0 => Position.Uniform(rng, 5000),
                1 => new Position(100 * rng.Next(10), 0),                      // a line, with duplicates
                2 => new Position(100 * rng.Next(4), 100 * rng.Next(4)),        // a lattice: exact ties
                _ => new Position(rng.NextDouble() * 10, 1e4 + rng.NextDouble()), // a tight cluster far from the origin
            };
            var cloudlets = Enumerable.Range(0, count).Select(Place).ToArray();
            var topology = new Topology(cloudlets, Enumerable.Range(0, count).Select(i => new Link(i, count, LinkClass.Backhaul, new LinkCost(0, 1e-9))).ToArray(), new PaperLinks());
            for (int q = 0; q < 50; q++)
            {
                var user = q % 3 == 0 ? Place(q) : new Position(rng.NextDouble() * 14000 - 2000, rng.NextDouble() * 14000 - 2000);
                int scan = 0;
                double d = double.PositiveInfinity;
                for (int i = 0; i < count; i++)
                    if (cloudlets[i].DistanceTo(user) < d) (scan, d) = (i, cloudlets[i].DistanceTo(user));
                Assert.True(topology.Nearest(user) == scan, $"layout {layout}, user {user}: grid {topology.Nearest(user)}, scan {scan}");
            }
        }, iter: 500);
    }
}
