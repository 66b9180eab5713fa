using Simulator.Edge;

namespace Simulator.Experiments;

/// <summary>
/// The catalog a network cell serves from, made from the cell's own stream: a generated family (<c>generate: pfm</c>)
/// is then the same for every strategy of a replication and drawn anew for the next; a fixed catalog ignores it.
/// </summary>
public static class NetworkCatalog
{
    public static Catalog Of(Func<Random, Catalog> make, RandomStreams streams) => make(streams.Stream("network:catalog"));
}
