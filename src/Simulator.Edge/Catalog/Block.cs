namespace Simulator.Edge;

/// <summary>What a block is in its model; informative only, since sharing is decided by ids alone.</summary>
public enum BlockKind
{
    Unspecified,
    BackboneLayer,
    PrivateLayer,
    Head,
    Adapter,
    Base,
    TaskPart,
}

/// <summary>A unit of parameters that is loaded, cached and shared as a whole.</summary>
public sealed record Block(string Id, long Bytes, BlockKind Kind = BlockKind.Unspecified);
