using MathNet.Numerics.Distributions;
using Simulator.Kernel;

namespace Simulator.Kernel.Tests;

/// <summary>
/// kernel.md behaviour 9: long runs of classic queues against their closed forms. The estimate of the
/// mean wait in queue is a batch mean (40 batches of 5,000 customers after a warm-up), and the closed
/// form must lie inside its Student-t 99 % interval. Seeds are fixed, so the runs are reproducible.
/// </summary>
public class QueueingTheoryTests
{
    private const int WarmUp = 5_000, Batches = 40, BatchSize = 5_000;

    [Fact]
    public void MM1_mean_wait_matches_the_closed_form()
    {
        double lambda = 0.5, mu = 1.0;
        double expected = lambda / (mu * (mu - lambda)); // Wq = rho / (mu - lambda) = 1
        var waits = SimulateQueue(servers: 1, lambda, r => -Math.Log(1 - r.NextDouble()) / mu, seed: 11);
        AssertInside99(waits, expected);
    }

    [Fact]
    public void MMc_mean_wait_matches_Erlang_C()
    {
        int c = 3;
        double lambda = 2.0, mu = 1.0;
        double expected = ErlangCWait(c, lambda, mu);
        Assert.Equal(4.0 / 9.0, expected, 12); // hand-computed: P(wait) = 4/9, c*mu - lambda = 1
        var waits = SimulateQueue(c, lambda, r => -Math.Log(1 - r.NextDouble()) / mu, seed: 12);
        AssertInside99(waits, expected);
    }

    [Fact]
    public void MD1_mean_wait_matches_Pollaczek_Khinchine()
    {
        double lambda = 0.5, service = 1.0;
        double rho = lambda * service;
        double expected = lambda * service * service / (2 * (1 - rho)); // lambda E[S^2] / (2 (1 - rho)) = 0.5
        var waits = SimulateQueue(1, lambda, _ => service, seed: 13);
        AssertInside99(waits, expected);
    }

    private static double ErlangCWait(int c, double lambda, double mu)
    {
        double a = lambda / mu, term = 1, sum = 0;
        for (int k = 0; k < c; k++)
        {
            sum += term;
            term *= a / (k + 1);
        }
        double tail = term * c / (c - a); // a^c / c! * c / (c - a)
        double pWait = tail / (sum + tail);
        return pWait / (c * mu - lambda);
    }

    private static void AssertInside99(List<double> waits, double expected)
    {
        var means = Enumerable.Range(0, Batches)
            .Select(b => waits.Skip(WarmUp + b * BatchSize).Take(BatchSize).Average())
            .ToArray();
        double mean = means.Average();
        double sd = Math.Sqrt(means.Sum(m => (m - mean) * (m - mean)) / (Batches - 1));
        double half = StudentT.InvCDF(0, 1, Batches - 1, 0.995) * sd / Math.Sqrt(Batches);
        Assert.InRange(expected, mean - half, mean + half);
        Assert.True(half < 0.1 * expected, $"interval too wide to mean anything: +-{half}");
    }

    private static List<double> SimulateQueue(int servers, double lambda, Func<Random, double> service, int seed)
    {
        var env = new Simulation(seed);
        var server = new Resource(env, servers);
        var arrivals = new Random(seed * 31 + 1);
        var services = new Random(seed * 31 + 2);
        var waits = new List<double>(WarmUp + Batches * BatchSize);
        env.Process(Source());
        env.Run();
        return waits;

        IEnumerable<Event> Source()
        {
            for (int i = 0; i < WarmUp + Batches * BatchSize; i++)
            {
                env.Process(Customer(service(services)));
                yield return env.TimeoutD(-Math.Log(1 - arrivals.NextDouble()) / lambda);
            }
        }

        IEnumerable<Event> Customer(double serviceTime)
        {
            double arrived = env.NowD;
            using var req = server.Request();
            yield return req;
            waits.Add(env.NowD - arrived);
            yield return env.TimeoutD(serviceTime);
        }
    }
}
