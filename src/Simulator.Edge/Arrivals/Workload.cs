namespace Simulator.Edge;

/// <summary>What a request is before it meets the site: when, which model, how many input bits, its absolute deadline.</summary>
public sealed record RequestDraft(long Id, double Arrival, string ModelId, double InputBits, double Deadline);

/// <summary>A source of requests for one cell.</summary>
public interface IWorkload
{
    /// <summary>Requests in arrival order; each aspect reads its own stream, so the sequence is the same for every strategy.</summary>
    IEnumerable<RequestDraft> Requests(Catalog catalog, RandomStreams streams);

    /// <summary>How many requests arrive together at t = 0 when that is all there is (a round of users); null otherwise.</summary>
    int? RoundAtZero => null;

    /// <summary>For a round of users at t = 0, the latest deadline one can have, in seconds; null otherwise.</summary>
    double? RoundDeadline => null;
}

/// <summary>
/// A synthetic workload: arrival times from a process, the model from a popularity, the input size
/// (bytes; default a 224x224 JPEG, 100 to 600 kB) and a relative deadline budget (seconds).
/// </summary>
public sealed record SyntheticWorkload(ArrivalProcess Arrivals, Popularity Popularity, Quantity DeadlineBudgetSeconds, Quantity? InputBytes = null) : IWorkload
{
    public int? RoundAtZero => Arrivals is BatchAtZero round ? round.Count : null;

    public double? RoundDeadline => Arrivals is BatchAtZero ? DeadlineBudgetSeconds.Max : null;

    public static UniformQuantity DefaultInputBytes { get; } = new(100e3, 600e3);

    public IEnumerable<RequestDraft> Requests(Catalog catalog, RandomStreams streams)
    {
        var cumulative = Popularity.Cumulative(catalog);
        var times = Arrivals.Times(streams.Stream("arrivals"));
        var models = streams.Stream("popularity");
        var inputs = streams.Stream("input-size");
        var budgets = streams.Stream("deadline");
        var input = InputBytes ?? DefaultInputBytes;
        long id = 0;
        foreach (double t in times)
        {
            var model = catalog.Models[Draw.Categorical(models, cumulative)];
            double bytes = input.Draw(inputs);
            double budget = DeadlineBudgetSeconds.Draw(budgets);
            yield return new RequestDraft(id++, t, model.Id, 8 * bytes, t + budget);
        }
    }
}
