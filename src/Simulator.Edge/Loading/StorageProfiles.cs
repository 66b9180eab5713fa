namespace Simulator.Edge;

/// <summary>A disk: sequential read rate and the latency of each block access (seek + rotation on an HDD).</summary>
public sealed record DiskProfile(string Name, double BytesPerSecond, double AccessSeconds);

/// <summary>The host-to-GPU link: effective copy rate and the latency of each copy.</summary>
public sealed record PcieProfile(string Name, double BytesPerSecond, double CopySeconds);
