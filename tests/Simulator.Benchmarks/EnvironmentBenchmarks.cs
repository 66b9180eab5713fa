using System.Buffers;
using System.Diagnostics;
using System.Text;
using System.Text.Json;
using BenchmarkDotNet.Attributes;
using Simulator.Experiments;

namespace Simulator.Benchmarks;

/// <summary>
/// Environment steps per second (the aim: 20,000 single and 200,000 vectorised on 2 cores): one step is
/// one decision given and the run to the next, the policy fcfs read off the observation. In process: an episode
/// stepped directly (single), and the protocol's step_many over 16 environments handled in this process (JSON
/// in and out, stepped on 2 threads). Over a pipe: the same messages to `simulator serve` as a child process.
/// Two worlds: the quickstart's site at 20 /s (Rayleigh fading at 10 ms coherence, an HDD), and a light one
/// (no fading, 5 /s). One operation is one environment step: the Mean column is the time per step.
/// </summary>
[MemoryDiagnoser]
[SimpleJob(launchCount: 1, warmupCount: 6, iterationCount: 15)]
public class EnvironmentBenchmarks
{
    private const int Steps = 2000, Envs = 16, VectorSteps = 125;

    [Params("quickstart-20", "light-5")]
    public string World { get; set; } = "";

    private string[] Sets => World == "quickstart-20"
        ? new[] { "horizon=3600 s", "warmup=0 s", "sweep={scenario.arrivals.rate: [20 /s]}", "plots=[]" }
        : new[] { "horizon=3600 s", "warmup=0 s", "sweep={scenario.arrivals.rate: [5 /s]}", "plots=[]", "scenario.uplink.fading=none" };

    private ExperimentEnvironment single = null!;
    private EnvironmentServer server = null!;
    private readonly ArrayBufferWriter<byte> reply = new();
    private int[] handles = null!;
    private Process child = null!;
    private int childEnv;
    private int[] childHandles = null!;
    private int wait;

    [GlobalSetup]
    public void Setup()
    {
        var spec = Quickstart.Read(Sets);
        single = new ExperimentEnvironment(spec);
        single.Reset(0);
        server = new EnvironmentServer((_, sets) => Quickstart.Read(sets), parallelism: 2);
        handles = Enumerable.Range(0, Envs).Select(_ => Make(m => Send(server, m))).ToArray();
        Send(server, $$"""{"cmd":"reset_many","envs":[{{string.Join(",", handles)}}],"seeds":[{{string.Join(",", Enumerable.Range(0, Envs))}}]}""");
        child = Process.Start(new ProcessStartInfo(Path.Combine(Simulator.Testing.RepositoryRoot.Find(), "src", "Simulator.Cli", "bin", "Release", "net10.0", "simulator"), "serve --parallel 2")
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            UseShellExecute = false,
        })!;
        wait = single.Space.Actions.Count - 1;
        childEnv = Make(Ask);
        Ask($$"""{"cmd":"reset","env":{{childEnv}},"seed":0}""");
        childHandles = Enumerable.Range(0, Envs).Select(_ => Make(Ask)).ToArray();
        Ask($$"""{"cmd":"reset_many","envs":[{{string.Join(",", childHandles)}}],"seeds":[{{string.Join(",", Enumerable.Range(0, Envs))}}]}""");
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        child.StandardInput.Close();
        child.WaitForExit();
    }

    private int Make(Func<string, JsonElement> send) =>
        send(JsonSerializer.Serialize(new { cmd = "make", set = Sets })).GetProperty("env").GetInt32();

    private JsonElement Send(EnvironmentServer s, string message)
    {
        reply.ResetWrittenCount();
        s.Handle(Encoding.UTF8.GetBytes(message), reply);
        return JsonDocument.Parse(reply.WrittenMemory).RootElement;
    }

    private JsonElement Ask(string message)
    {
        child.StandardInput.WriteLine(message);
        child.StandardInput.Flush();
        return JsonDocument.Parse(child.StandardOutput.ReadLine()!).RootElement;
    }

    /// <summary>fcfs from an observation: the model whose oldest request waited longest; wait when none is queued.</summary>
    private static int Fcfs(ReadOnlySpan<double> observation, ReadOnlySpan<bool> mask)
    {
        int models = mask.Length - 1, best = models;
        for (int k = 0; k < models; k++)
            if (mask[k] && (best == models || observation[7 * k + 2] > observation[7 * best + 2])) best = k;
        return best;
    }

    private static int Fcfs(JsonElement observation, JsonElement mask)
    {
        int models = mask.GetArrayLength() - 1, best = models;
        for (int k = 0; k < models; k++)
            if (mask[k].GetBoolean() && (best == models || observation[7 * k + 2].GetDouble() > observation[7 * best + 2].GetDouble())) best = k;
        return best;
    }

    [Benchmark(OperationsPerInvoke = Steps)]
    public void InProcessSingle()
    {
        for (int i = 0; i < Steps; i++)
        {
            var episode = single.Episode!;
            if (episode.Over) episode = single.Reset();
            episode.Step(Fcfs(episode.Observation, episode.Mask));
        }
    }

    [Benchmark(OperationsPerInvoke = Envs * VectorSteps)]
    public void InProcessVectorised() => Vectorised(m => Send(server, m), handles);

    [Benchmark(OperationsPerInvoke = Steps)]
    public void PipeSingle()
    {
        var state = Ask($$"""{"cmd":"step","env":{{childEnv}},"action":{{wait}}}""");
        for (int i = 1; i < Steps; i++)
        {
            if (state.GetProperty("truncated").GetBoolean() || state.GetProperty("terminated").GetBoolean())
                state = Ask($$"""{"cmd":"reset","env":{{childEnv}}}""");
            state = Ask($$"""{"cmd":"step","env":{{childEnv}},"action":{{Fcfs(state.GetProperty("observation"), state.GetProperty("mask"))}}}""");
        }
    }

    [Benchmark(OperationsPerInvoke = Envs * VectorSteps)]
    public void PipeVectorised() => Vectorised(Ask, childHandles);

    private void Vectorised(Func<string, JsonElement> send, int[] envs)
    {
        var actions = new int[envs.Length];
        Array.Fill(actions, wait);
        string list = string.Join(",", envs);
        for (int i = 0; i < VectorSteps; i++)
        {
            var state = send($$"""{"cmd":"step_many","envs":[{{list}}],"actions":[{{string.Join(",", actions)}}]}""");
            if (state.TryGetProperty("error", out var error)) throw new InvalidOperationException(error.GetString());
            var observations = state.GetProperty("observations");
            var masks = state.GetProperty("masks");
            for (int e = 0; e < envs.Length; e++) actions[e] = Fcfs(observations[e], masks[e]);
            var ended = envs.Where((_, e) => state.GetProperty("truncated")[e].GetBoolean() || state.GetProperty("terminated")[e].GetBoolean()).ToArray();
            if (ended.Length == 0) continue;
            // An episode that ended starts the next replication; its next step waits.
            send($$"""{"cmd":"reset_many","envs":[{{string.Join(",", ended)}}]}""");
            for (int e = 0; e < envs.Length; e++) if (ended.Contains(envs[e])) actions[e] = wait;
        }
    }
}
