namespace Simulator.Edge;

/// <summary>What a block is in its model; informative only, since sharing is decided by ids alone.</summary>
public enum BlockKind
{
    /// <summary>Not said (a catalog written by hand without kinds).</summary>
    Unspecified,
    /// <summary>A layer of a backbone, shared by the variants that froze it.</summary>
    BackboneLayer,
    /// <summary>A layer a variant fine-tuned, its own.</summary>
    PrivateLayer,
    /// <summary>A classification head.</summary>
    Head,
    /// <summary>A LoRA adapter.</summary>
    Adapter,
    /// <summary>A shared base of the second paper's parameter-sharing models.</summary>
    Base,
    /// <summary>A task-specific part of the second paper's models.</summary>
    TaskPart,
}

/// <summary>A unit of parameters that is loaded, cached and shared as a whole.</summary>
/// <param name="Id">The block's id: models that list the same id share the block.</param>
/// <param name="Bytes">Its size in bytes.</param>
/// <param name="Kind">What it is in its model (informative).</param>
public sealed record Block(string Id, long Bytes, BlockKind Kind = BlockKind.Unspecified);
