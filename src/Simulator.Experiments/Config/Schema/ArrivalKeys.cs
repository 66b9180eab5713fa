namespace Simulator.Experiments;

/// <summary>The keys of a cell's workload: when requests arrive, which model each names, how large its input is.</summary>
public static class ArrivalKeys
{
    public static readonly ChoiceKey<string> Process = new("process", new (string, Func<string>, string)[]
    {
        ("poisson", () => "poisson", "Poisson arrivals at rate."),
        ("mmpp", () => "mmpp", "On/off bursts: Poisson at rate_on and rate_off for exponential sojourns of mean mean_on and mean_off."),
        ("batch-at-zero", () => "batch-at-zero", "count requests at t = 0 (a one-round scenario's)."),
        ("trace", () => "trace", "Requests replayed from a CSV file with the columns time (s), model, bytes and deadline (s after arrival), in any order."),
    }, "poisson", "How requests arrive.", noun: "an arrival process");
    public static readonly QuantityKey Rate = new("rate", UnitKind.PerSecond, null, Domain.Positive, "poisson: requests per second.");
    public static readonly QuantityKey RateOn = new("rate_on", UnitKind.PerSecond, null, Domain.NonNegative, "mmpp: the rate while on.");
    public static readonly QuantityKey RateOff = new("rate_off", UnitKind.PerSecond, null, Domain.NonNegative, "mmpp: the rate while off (may be 0).");
    public static readonly QuantityKey MeanOn = new("mean_on", UnitKind.Time, null, Domain.Positive, "mmpp: the mean on period.");
    public static readonly QuantityKey MeanOff = new("mean_off", UnitKind.Time, null, Domain.Positive, "mmpp: the mean off period.");
    public static readonly IntegerKey Count = new("count", null, 1, 1_000_000, "batch-at-zero: how many requests.");
    public static readonly TextKey File = new("file", null, "trace: the CSV, relative to the experiment; its SHA-256 joins the config.", "a path");
    public static readonly TextKey Popularity = new("popularity", "zipf(0.8)", "Which model a request names: zipf(s) over the catalog's order (s = 0 is uniform).", "zipf(s)");
    public static readonly ValueKey Weights = new("weights", "{model id: weight, ...}", null, "Explicit popularity weights instead of zipf (models not named get 0).");
    public static readonly RangeKey Input = new("input", UnitKind.Bytes, "{min: 100 kB, max: 600 kB}", "Each request's input size.");

    public static readonly SectionSchema Section = new("arrivals", "A cell's workload.", Process, Rate, RateOn, RateOff, MeanOn, MeanOff, Count, File, Popularity, Weights, Input);

    /// <summary>The deadline, beside the arrivals in a cell's section.</summary>
    public static readonly RangeKey Deadline = new("deadline", UnitKind.Time, null, "Each request's deadline after its arrival.");

    /// <summary>The two ends of a range written as {min, max}.</summary>
    public static readonly SectionSchema MinMax = new("{min, max}", "A range drawn uniformly.",
        new ValueKey("min", "a value of the range's kind", null, "The least value."), new ValueKey("max", "a value of the range's kind", null, "The greatest value."));
}
