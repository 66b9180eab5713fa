namespace Simulator.Edge.Network;

/// <summary>
/// The cloudlet nearest to a position (lowest index on a tie), found through a grid over the cloudlets: a scan of
/// every cloudlet per request was a tenth of a stochastic network's run at 125 cloudlets. The answer is the scan's:
/// the same distances are compared in the same way, and rings of cells are searched until no cell left can hold
/// a cloudlet as near as the best found (a tie included).
/// </summary>
internal sealed class NearestCloudlet
{
    private readonly IReadOnlyList<Position> cloudlets;
    private readonly double minX, minY, cell;
    private readonly int columns, rows;
    private readonly int[][] cells;

    public NearestCloudlet(IReadOnlyList<Position> cloudlets)
    {
        this.cloudlets = cloudlets;
        minX = cloudlets.Min(c => c.X);
        minY = cloudlets.Min(c => c.Y);
        double width = cloudlets.Max(c => c.X) - minX, height = cloudlets.Max(c => c.Y) - minY;
        // About one cloudlet per cell; a degenerate extent (one cloudlet, a line) still gets cells of positive size.
        cell = Math.Max(Math.Sqrt(Math.Max(width * height, 0) / cloudlets.Count), Math.Max(width, height) / cloudlets.Count);
        if (!(cell > 0) || double.IsInfinity(cell)) cell = 1;
        columns = Math.Clamp((int)(width / cell) + 1, 1, 4096);
        rows = Math.Clamp((int)(height / cell) + 1, 1, 4096);
        var lists = new List<int>?[columns * rows];
        for (int i = 0; i < cloudlets.Count; i++)
            (lists[Row(cloudlets[i].Y) * columns + Column(cloudlets[i].X)] ??= new List<int>()).Add(i);
        cells = lists.Select(l => l?.ToArray() ?? Array.Empty<int>()).ToArray();
    }

    private int Column(double x) => Math.Clamp((int)Math.Floor((x - minX) / cell), 0, columns - 1);

    private int Row(double y) => Math.Clamp((int)Math.Floor((y - minY) / cell), 0, rows - 1);

    public int Find(Position p)
    {
        int cx = Column(p.X), cy = Row(p.Y);
        int best = -1;
        double d = double.PositiveInfinity;
        int widest = Math.Max(columns, rows);
        for (int ring = 0; ring <= widest; ring++)
        {
            // Every cell of this ring lies at least (ring - 1) cells from p (p projected onto the grid only comes nearer).
            if ((ring - 1) * cell > d * (1 + 1e-9)) break;
            for (int y = cy - ring; y <= cy + ring; y++)
            {
                if (y < 0 || y >= rows) continue;
                bool edge = y == cy - ring || y == cy + ring;
                for (int x = cx - ring; x <= cx + ring; x += edge ? 1 : 2 * ring)
                {
                    if (x >= 0 && x < columns)
                        foreach (int i in cells[y * columns + x])
                        {
                            double di = cloudlets[i].DistanceTo(p);
                            if (di < d || (di == d && i < best)) (best, d) = (i, di);
                        }
                    if (ring == 0) break;
                }
            }
        }
        return Math.Max(best, 0); // no finite distance at all: the scan's answer, the first cloudlet
    }
}
