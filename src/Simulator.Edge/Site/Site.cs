namespace Simulator.Edge;

/// <summary>The site's timing rules, shared by the simulation and by the view planners see.</summary>
public static class Site
{
    public static double Combine(Timeline timeline, double upload, double load) =>
        timeline == Timeline.Sequential ? upload + load : Math.Max(upload, load);

    /// <summary>Memory rule: bytes(J_i) + activation_i * n &lt;= Q, capped by max_batch.</summary>
    public static int MaxBatchSize(Model model, Catalog catalog, SiteSpec spec)
    {
        long room = spec.GpuBytes - catalog.Bytes(model);
        long byMemory = model.ActivationBytesPerSample > 0 ? room / model.ActivationBytesPerSample : int.MaxValue;
        long cap = Math.Min(byMemory, spec.MaxBatch ?? int.MaxValue);
        return (int)Math.Max(0, Math.Min(cap, int.MaxValue));
    }
}
