namespace Simulator.Edge;

/// <summary>One executed batch on the timeline, in seconds: for traces and timeline checks.</summary>
public sealed record BatchRecord(double Start, string ModelId, IReadOnlyList<long> RequestIds, double UploadEnd, double LoadStart, double LoadEnd, double InferenceStart, double Completion, LoadReport Load);
