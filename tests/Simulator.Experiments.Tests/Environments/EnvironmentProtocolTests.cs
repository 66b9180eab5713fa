using System.Buffers;
using System.Text;
using System.Text.Json;
using Simulator.Experiments;

namespace Simulator.Experiments.Tests.Environments;

/// <summary>
/// The environment protocol: every message kind, every error reply (naming its field, changing nothing),
/// determinism, and an environment driven with fcfs's choices reproducing fcfs's run metric for metric.
/// </summary>
public class EnvironmentProtocolTests
{
    /// <summary>The quickstart, short: one point at 20 /s, 60 s with 10 s of warm-up.</summary>
    private static readonly string[] Short = { "horizon=60 s", "warmup=10 s", "sweep={scenario.arrivals.rate: [20 /s]}", "plots=[]" };

    private static EnvironmentServer Server() => new((experiment, sets) =>
        experiment is null ? Quickstart.Read(sets) : ExperimentReader.Read(Path.Combine(Simulator.Testing.RepositoryRoot.Find(), experiment), sets), parallelism: 2);

    private static JsonElement Send(EnvironmentServer server, string request)
    {
        var reply = new ArrayBufferWriter<byte>();
        server.Handle(Encoding.UTF8.GetBytes(request), reply);
        Assert.DoesNotContain((byte)'\n', reply.WrittenSpan.ToArray());
        return JsonDocument.Parse(reply.WrittenMemory).RootElement.Clone();
    }

    private static string Make(string? experiment = null, IEnumerable<string>? sets = null, string extra = "") =>
        JsonSerializer.Serialize(new { cmd = "make", experiment, set = (sets ?? Short).ToArray() })[..^1] + extra + "}";

    private static double[] Numbers(JsonElement array) => array.EnumerateArray().Select(e => e.ValueKind == JsonValueKind.Null ? double.NaN : e.GetDouble()).ToArray();

    [Fact]
    public void Every_message_kind_answers_with_its_shape_and_echoes_the_id()
    {
        var server = Server();
        Assert.Equal(1, Send(server, """{"id": "a", "cmd": "hello"}""").GetProperty("protocol").GetInt32());
        var made = Send(server, Make(extra: ", \"id\": 7"));
        Assert.Equal(7, made.GetProperty("id").GetInt32());
        int env = made.GetProperty("env").GetInt32();
        Assert.Equal("single-site", made.GetProperty("kind").GetString());
        var space = made.GetProperty("space");
        var names = space.GetProperty("observation").GetProperty("names").EnumerateArray().Select(n => n.GetString()!).ToArray();
        var actions = space.GetProperty("actions").EnumerateArray().Select(n => n.GetString()!).ToArray();
        int models = actions.Length - 1;
        Assert.Equal("wait", actions[^1]);
        Assert.Equal(7 * models + 2, names.Length);
        Assert.Equal(names.Length, space.GetProperty("observation").GetProperty("low").GetArrayLength());
        Assert.Contains("least_slack_s", names[1]);
        // An unbounded side is null in JSON.
        Assert.Equal(JsonValueKind.Null, space.GetProperty("observation").GetProperty("high")[0].ValueKind);

        var reset = Send(server, $$"""{"cmd": "reset", "env": {{env}}, "seed": 3}""");
        Assert.Equal(names.Length, reset.GetProperty("observation").GetArrayLength());
        Assert.Equal(actions.Length, reset.GetProperty("mask").GetArrayLength());
        Assert.Equal(3, reset.GetProperty("info").GetProperty("replication").GetInt32());
        Assert.True(reset.GetProperty("mask")[models].GetBoolean()); // wait is always possible

        var step = Send(server, $$"""{"cmd": "step", "env": {{env}}, "action": {{models}}}""");
        foreach (var field in new[] { "observation", "mask", "reward", "terminated", "truncated", "info" }) Assert.True(step.TryGetProperty(field, out _), field);
        Assert.True(step.GetProperty("info").GetProperty("time_s").GetDouble() > reset.GetProperty("info").GetProperty("time_s").GetDouble());

        int second = Send(server, Make()).GetProperty("env").GetInt32();
        var many = Send(server, $$"""{"cmd": "reset_many", "envs": [{{env}}, {{second}}], "seeds": [0, null]}""");
        Assert.Equal(2, many.GetProperty("observations").GetArrayLength());
        Assert.Equal(0, many.GetProperty("infos")[0].GetProperty("replication").GetInt32());
        Assert.Equal(0, many.GetProperty("infos")[1].GetProperty("replication").GetInt32()); // its first reset: replication 0
        var steps = Send(server, $$"""{"cmd": "step_many", "envs": [{{env}}, {{second}}], "actions": [{{models}}, {{models}}]}""");
        foreach (var field in new[] { "observations", "masks", "rewards", "terminated", "truncated", "infos" }) Assert.Equal(2, steps.GetProperty(field).GetArrayLength());
        // The same replication stepped the same way is in the same state.
        Assert.Equal(Numbers(steps.GetProperty("observations")[0]), Numbers(steps.GetProperty("observations")[1]));

        Assert.Equal(second, Send(server, $$"""{"cmd": "close", "env": {{second}}}""").GetProperty("closed").GetInt32());
        Assert.Equal(1, server.Open);
    }

    [Theory]
    [InlineData("not json", "", "not a JSON message")]
    [InlineData("[1, 2]", "", "a message is a JSON object")]
    [InlineData("{}", "cmd", "missing 'cmd'")]
    [InlineData("""{"cmd": 5}""", "cmd", "expected a string")]
    [InlineData("""{"cmd": "jump"}""", "cmd", "unknown cmd 'jump'")]
    [InlineData("""{"cmd": "reset", "env": 1, "sed": 3}""", "sed", "'reset' takes no 'sed'. Did you mean 'seed'? Its keys: env, seed (and id).")]
    [InlineData("""{"cmd": "make", "sets": ["seed=2"]}""", "sets", "'make' takes no 'sets'. Did you mean 'set'?")]
    [InlineData("""{"cmd": "hello", "verbose": true}""", "verbose", "'hello' takes no 'verbose'. Its keys: none (and id).")]
    [InlineData("""{"cmd": "step", "env": 1, "action": 0, "action": 1}""", "action", "'action' is given twice: each key once in a message")]
    [InlineData("""{"cmd": "hello", "id": [{"a": 1, "a": 2}]}""", "id[0].a", "'id[0].a' is given twice")]
    [InlineData("""{"cmd": "make", "experiment": "no/such.yaml"}""", "experiment", "no such experiment file")]
    [InlineData("""{"cmd": "make", "set": "seed=1"}""", "set", "a list of")]
    [InlineData("""{"cmd": "make", "set": ["seed=-1"]}""", "experiment", "'seed' must be a whole number")]
    [InlineData("""{"cmd": "make", "point": 9}""", "point", "sweep points 0 to 2")]
    [InlineData("""{"cmd": "make", "point": -1}""", "point", "expected a whole number from 0")]
    [InlineData("""{"cmd": "make", "reward": "joy"}""", "reward", "reward is one of on-time")]
    [InlineData("""{"cmd": "make", "experiment": "experiments/partialloading/pl-dp-vs-optimal.yaml", "reward": "delay"}""", "reward", "a one-shot environment's reward is one of on-time, not 'delay'.")]
    [InlineData("""{"cmd": "make", "experiment": "experiments/network/sites-2x2-llama-lora.yaml"}""", "experiment", "a network-of-sites environment needs the site strategy its cloudlets batch with: give the experiment an outside entry {select: {external: {...}}, schedule: pl-dp}.")]
    [InlineData("""{"cmd": "reset"}""", "env", "missing 'env'")]
    [InlineData("""{"cmd": "reset", "env": 99}""", "env", "no environment 99 is open")]
    [InlineData("""{"cmd": "reset", "env": 1, "seed": -4}""", "seed", "expected a whole number from 0")]
    [InlineData("""{"cmd": "reset", "env": 1, "seed": 1.5}""", "seed", "expected a whole number from 0")]
    [InlineData("""{"cmd": "step", "env": 1, "action": 0}""", "env", "never reset")]
    [InlineData("""{"cmd": "reset_many", "envs": []}""", "envs", "non-empty list")]
    [InlineData("""{"cmd": "reset_many", "envs": [1, 1]}""", "envs[1]", "named twice")]
    [InlineData("""{"cmd": "reset_many", "envs": [1], "seeds": [0, 1]}""", "seeds", "a list of 1 whole numbers")]
    [InlineData("""{"cmd": "reset_many", "envs": [1], "seeds": [-1]}""", "seeds", "seeds[0] is not a whole number from 0")]
    [InlineData("""{"cmd": "step_many", "envs": [1], "actions": [0]}""", "envs[0]", "never reset")]
    [InlineData("""{"cmd": "close", "env": 5}""", "env", "no environment 5 is open")]
    public void A_request_that_cannot_be_acted_on_gets_an_error_naming_its_field(string request, string field, string gist)
    {
        var server = Server();
        Assert.Equal(1, Send(server, Make()).GetProperty("env").GetInt32());
        var reply = Send(server, request);
        Assert.True(reply.TryGetProperty("error", out var error), reply.GetRawText());
        Assert.Contains(gist, error.GetString(), StringComparison.Ordinal);
        Assert.Equal(field, reply.GetProperty("field").GetString());
        Assert.Equal(1, server.Open);
    }

    [Fact]
    public void Actions_out_of_range_and_steps_past_the_end_are_refused_and_leave_the_episode_as_it_was()
    {
        var server = Server();
        Send(server, Make(sets: new[] { "horizon=60 s", "warmup=0 s", "plots=[]", "scenario.arrivals={process: batch-at-zero, count: 3}", "sweep={}" }));
        var reset = Send(server, """{"cmd": "reset", "env": 1, "seed": 0}""");
        int actions = reset.GetProperty("mask").GetArrayLength();
        foreach (var (request, field) in new[]
        {
            ($$"""{"cmd": "step", "env": 1, "action": {{actions}}}""", "action"),
            ("""{"cmd": "step", "env": 1, "action": -1}""", "action"),
            ("""{"cmd": "step", "env": 1, "action": "0"}""", "action"),
            ("""{"cmd": "step", "env": 1}""", "action"),
            ("""{"cmd": "step_many", "envs": [1], "actions": [1, 2]}""", "actions"),
            ($$"""{"cmd": "step_many", "envs": [1], "actions": [{{actions}}]}""", "actions[0]"),
        })
        {
            var reply = Send(server, request);
            Assert.Equal(field, reply.GetProperty("field").GetString());
        }
        // Nothing moved: the first valid step sees the reset's decision.
        var time = reset.GetProperty("info").GetProperty("time_s").GetDouble();
        JsonElement step = default;
        int steps = 0;
        do
        {
            var mask = (steps == 0 ? reset : step).GetProperty("mask").EnumerateArray().Select(m => m.GetBoolean()).ToArray();
            step = Send(server, $$"""{"cmd": "step", "env": 1, "action": {{Array.IndexOf(mask, true)}}}""");
            steps++;
        }
        while (!step.GetProperty("terminated").GetBoolean() && !step.GetProperty("truncated").GetBoolean());
        // Three requests at t = 0 and no more: the world empties before the horizon, so the episode terminates.
        Assert.True(step.GetProperty("terminated").GetBoolean());
        Assert.Equal(3, step.GetProperty("info").GetProperty("metrics").GetProperty("arrived").GetDouble());
        var past = Send(server, """{"cmd": "step", "env": 1, "action": 0}""");
        Assert.Equal("env", past.GetProperty("field").GetString());
        Assert.Contains("the episode is over", past.GetProperty("error").GetString());
        Assert.True(time >= 0);
    }

    [Fact]
    public void A_line_longer_than_the_bound_is_answered_with_an_error_and_skipped()
    {
        var server = Server();
        var input = new MemoryStream();
        input.Write(Encoding.UTF8.GetBytes("{\"cmd\":\"hello\",\"pad\":\"" + new string('x', EnvironmentServer.MaxLineBytes) + "\"}\n{\"cmd\":\"hello\"}\n\n"));
        input.Position = 0;
        var output = new MemoryStream();
        server.Serve(input, output);
        var lines = Encoding.UTF8.GetString(output.ToArray()).Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(2, lines.Length);
        Assert.Contains("a request line longer than", lines[0]);
        Assert.Equal($$"""{"protocol":1,"build":"{{SimulatorBuild.Current}}"}""", lines[1]);
    }

    /// <summary>fcfs from the observation: the model whose oldest queued request has waited longest; wait when none is queued.</summary>
    private static int Fcfs(double[] observation, bool[] mask)
    {
        int models = mask.Length - 1, best = models;
        for (int k = 0; k < models; k++)
            if (mask[k] && (best == models || observation[7 * k + 2] > observation[7 * best + 2])) best = k;
        return best;
    }

    [Theory]
    [InlineData(0)]
    [InlineData(4)]
    public void An_environment_driven_with_fcfs_choices_reproduces_the_fcfs_run_metric_for_metric(int replication)
    {
        var spec = Quickstart.Read(Short.Append("strategies=[fcfs, no-sharing]").ToArray());
        var environment = new ExperimentEnvironment(spec);
        var episode = environment.Reset(replication);
        int steps = 0;
        double onTime = 0;
        StepResult result = default;
        var space = environment.Space;
        while (!episode.Over)
        {
            var observation = episode.Observation.ToArray();
            for (int i = 0; i < observation.Length; i++)
                Assert.True(observation[i] >= space.Low[i] && observation[i] <= space.High[i], $"{space.Observation[i]} = {observation[i]}, outside [{space.Low[i]}, {space.High[i]}]");
            result = episode.Step(Fcfs(observation, episode.Mask.ToArray()));
            onTime += result.Reward;
            steps++;
        }
        Assert.True(result.Truncated && !result.Terminated, "Poisson arrivals never stop: the horizon truncates");
        Assert.True(steps > 80, $"{steps} decisions");
        var run = Runner.RunCell(spec, new Cell(0, 0, replication));
        var metrics = episode.Metrics();
        Assert.Equal(run.Values.ToArray(), metrics.ToArray());
        // The rewards add up to the requests served on time (warm-up included, which the metric leaves out).
        Assert.True(onTime >= run.Values[spec.Metrics.Index("on_time")], $"{onTime} rewarded, {run.Values[spec.Metrics.Index("on_time")]} on time after the warm-up");
    }

    [Fact]
    public void The_same_seed_and_actions_give_the_same_trajectory_and_another_seed_another()
    {
        (List<double[]> Observations, List<double> Rewards) Play(int seed, string? experiment = null, string[]? sets = null)
        {
            var server = Server();
            int env = Send(server, Make(experiment, sets)).GetProperty("env").GetInt32();
            var reply = Send(server, $$"""{"cmd": "reset", "env": {{env}}, "seed": {{seed}}}""");
            var observations = new List<double[]> { Numbers(reply.GetProperty("observation")) };
            var rewards = new List<double>();
            var rng = new Random(5);
            for (int i = 0; i < 200; i++)
            {
                var mask = reply.GetProperty("mask").EnumerateArray().Select(m => m.GetBoolean()).ToArray();
                var allowed = Enumerable.Range(0, mask.Length).Where(k => mask[k]).ToArray();
                reply = Send(server, $$"""{"cmd": "step", "env": {{env}}, "action": {{allowed[rng.Next(allowed.Length)]}}}""");
                observations.Add(Numbers(reply.GetProperty("observation")));
                rewards.Add(reply.GetProperty("reward").GetDouble());
                if (reply.GetProperty("truncated").GetBoolean() || reply.GetProperty("terminated").GetBoolean()) break;
            }
            return (observations, rewards);
        }

        var a = Play(2);
        var b = Play(2);
        Assert.Equal(a.Observations.Count, b.Observations.Count);
        for (int i = 0; i < a.Observations.Count; i++) Assert.Equal(a.Observations[i], b.Observations[i]);
        Assert.Equal(a.Rewards, b.Rewards);
        Assert.NotEqual(a.Observations[1], Play(3).Observations[1]);

        // The stochastic network, too.
        string[] network = { "horizon=120 s", "warmup=0 s", "scenario.requests.rate=2 /s", "scenario.network.cloudlets=20", "plots=[]" };
        var n1 = Play(1, "experiments/chasing/chasing-online-stochastic.yaml", network);
        var n2 = Play(1, "experiments/chasing/chasing-online-stochastic.yaml", network);
        Assert.Equal(200, n1.Rewards.Count);
        Assert.Equal(n1.Rewards, n2.Rewards);
        Assert.All(n1.Rewards, r => Assert.True(r < 0, "the reward is minus a penalty"));
    }
}
