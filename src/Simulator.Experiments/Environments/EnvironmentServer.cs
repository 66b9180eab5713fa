using System.Buffers;
using System.Text.Json;

namespace Simulator.Experiments;

/// <summary>A message the server cannot act on: the reply names the field and says what was expected.</summary>
public sealed class ProtocolError(string field, string message) : Exception(message)
{
    public string Field { get; } = field;
}

/// <summary>
/// The environment protocol's server side (docs/environments.md): one JSON object a line in, one a line out, in
/// order. <c>make</c> opens an environment on an experiment's sweep point; <c>reset</c> and <c>step</c> drive one,
/// <c>reset_many</c> and <c>step_many</c> several at once (in parallel when there are several); <c>close</c> ends
/// one. Every request gets exactly one reply; one that cannot be acted on gets <c>{"error", "field"}</c> and
/// changes nothing. A request's <c>id</c>, if any, is echoed.
/// </summary>
public sealed class EnvironmentServer(Func<string?, IReadOnlyList<string>, ExperimentSpec> load, int parallelism = 0)
{
    /// <summary>The most environments one server keeps open.</summary>
    public const int MaxEnvironments = 10_000;

    private readonly Dictionary<int, ExperimentEnvironment> environments = new();
    private readonly int parallelism = parallelism > 0 ? parallelism : System.Environment.ProcessorCount;
    private int next = 1;

    public int Open => environments.Count;

    /// <summary>The longest request line read; a longer one is answered with an error and skipped.</summary>
    public const int MaxLineBytes = 16 << 20;

    /// <summary>
    /// Serves requests from <paramref name="input"/> until it ends, each reply a line on <paramref name="output"/>,
    /// flushed at once (the client waits for it).
    /// </summary>
    public void Serve(Stream input, Stream output)
    {
        var reply = new ArrayBufferWriter<byte>(1 << 16);
        var line = new ArrayBufferWriter<byte>(1 << 12);
        var chunk = new byte[1 << 16];
        bool tooLong = false;
        int read;
        while ((read = input.Read(chunk, 0, chunk.Length)) > 0)
        {
            var span = chunk.AsSpan(0, read);
            while (span.Length > 0)
            {
                int end = span.IndexOf((byte)'\n');
                var part = end < 0 ? span : span[..end];
                if (!tooLong && line.WrittenCount + part.Length <= MaxLineBytes) line.Write(part);
                else tooLong = true;
                if (end < 0) break;
                span = span[(end + 1)..];
                reply.ResetWrittenCount();
                if (tooLong) TooLong(reply);
                else if (!line.WrittenSpan.TrimEnd((byte)'\r').IsEmpty) Handle(line.WrittenSpan.TrimEnd((byte)'\r'), reply);
                else
                {
                    line.ResetWrittenCount();
                    continue;
                }
                line.ResetWrittenCount();
                tooLong = false;
                reply.Write("\n"u8);
                output.Write(reply.WrittenSpan);
                output.Flush();
            }
        }
    }

    private static void TooLong(IBufferWriter<byte> reply)
    {
        using var json = new Utf8JsonWriter(reply, ProtocolJson.Writing);
        json.WriteStartObject();
        json.WriteString("error", $"a request line longer than {MaxLineBytes:N0} bytes; it was skipped");
        json.WriteString("field", "");
        json.WriteEndObject();
    }

    /// <summary>Each request of the protocol (docs/environments.md) with the keys it takes besides <c>cmd</c> and <c>id</c>.</summary>
    private static readonly IReadOnlyDictionary<string, string[]> Requests = new Dictionary<string, string[]>(StringComparer.Ordinal)
    {
        ["hello"] = [],
        ["make"] = ["experiment", "set", "point", "reward"],
        ["reset"] = ["env", "seed"],
        ["step"] = ["env", "action"],
        ["reset_many"] = ["envs", "seeds"],
        ["step_many"] = ["envs", "actions"],
        ["close"] = ["env"],
    };

    /// <summary>Acts on one request line and writes its one reply line (no newline) into <paramref name="reply"/>.</summary>
    public void Handle(ReadOnlySpan<byte> line, IBufferWriter<byte> reply)
    {
        using var json = new Utf8JsonWriter(reply, ProtocolJson.Writing);
        JsonDocument? doc = null;
        try
        {
            try
            {
                doc = JsonDocument.Parse(line.ToArray(), new JsonDocumentOptions { MaxDepth = 16 });
            }
            catch (JsonException ex)
            {
                throw new ProtocolError("", $"not a JSON message: {ex.Message.Split(" Path:")[0]} (one object a line)");
            }
            var root = doc.RootElement;
            if (root.ValueKind != JsonValueKind.Object) throw new ProtocolError("", "a message is a JSON object, {\"cmd\": ..., ...}");
            if (ProtocolJson.RepeatedKey(root) is { } repeated) throw new ProtocolError(repeated, $"'{repeated}' is given twice: each key once in a message");
            json.WriteStartObject();
            if (root.TryGetProperty("id", out var id))
            {
                json.WritePropertyName("id");
                id.WriteTo(json);
            }
            string cmd = Text(root, "cmd") ?? throw new ProtocolError("cmd", $"missing 'cmd': one of {string.Join(", ", Requests.Keys)}");
            if (!Requests.TryGetValue(cmd, out var keys)) throw new ProtocolError("cmd", $"unknown cmd '{cmd}': one of {string.Join(", ", Requests.Keys)}");
            // A misspelt key would otherwise leave its value at the default (a reset's "sed" the next replication).
            foreach (var property in root.EnumerateObject())
                if (property.Name is not ("cmd" or "id") && !keys.Contains(property.Name))
                    throw new ProtocolError(property.Name, $"'{cmd}' takes no '{property.Name}'.{Edge.Spelling.Hint(property.Name, keys)} Its keys: {(keys.Length == 0 ? "none" : string.Join(", ", keys))} (and id).");
            switch (cmd)
            {
                case "hello":
                    json.WriteNumber("protocol", ProtocolJson.Version);
                    json.WriteString("build", SimulatorBuild.Current);
                    break;
                case "make": Make(root, json); break;
                case "reset": Reset(root, json); break;
                case "step": Step(root, json); break;
                case "reset_many": ResetMany(root, json); break;
                case "step_many": StepMany(root, json); break;
                case "close": Close(root, json); break;
            }
            json.WriteEndObject();
        }
        catch (Exception ex)
        {
            // Whatever went wrong, the client gets its one reply: an input error names its field; anything else says so.
            json.Reset();
            if (reply is ArrayBufferWriter<byte> buffer) buffer.ResetWrittenCount();
            json.WriteStartObject();
            if (doc is not null && doc.RootElement.ValueKind == JsonValueKind.Object && doc.RootElement.TryGetProperty("id", out var id))
            {
                json.WritePropertyName("id");
                id.WriteTo(json);
            }
            bool input = ex is ProtocolError or ConfigException or ArgumentException or FormatException or FileNotFoundException or DirectoryNotFoundException or Edge.CatalogException or Strategies.StrategyException;
            string message = ex is ArgumentException { ParamName: { } param } a ? a.Message.Replace($" (Parameter '{param}')", "", StringComparison.Ordinal) : ex.Message;
            json.WriteString("error", input ? message : $"internal error: {message}");
            json.WriteString("field", ex switch
            {
                ProtocolError p => p.Field,
                ArgumentException { ParamName: "reward" } => "reward",
                ArgumentException { ParamName: "point" } => "point",
                ConfigException or FileNotFoundException or DirectoryNotFoundException or ArgumentException => "experiment",
                _ => "",
            });
            json.WriteEndObject();
        }
        finally
        {
            doc?.Dispose();
        }
    }

    private void Make(JsonElement root, Utf8JsonWriter json)
    {
        if (environments.Count >= MaxEnvironments) throw new ProtocolError("cmd", $"{MaxEnvironments} environments are open: close some first");
        string? experiment = Text(root, "experiment");
        var sets = new List<string>();
        if (root.TryGetProperty("set", out var set) && set.ValueKind != JsonValueKind.Null)
        {
            if (set.ValueKind != JsonValueKind.Array) throw new ProtocolError("set", "'set' is a list of \"path=value\" overrides");
            foreach (var s in set.EnumerateArray())
                sets.Add(s.ValueKind == JsonValueKind.String ? s.GetString()! : throw new ProtocolError("set", "'set' is a list of \"path=value\" strings"));
        }
        int point = Whole(root, "point", 0, int.MaxValue) ?? 0;
        string? reward = Text(root, "reward");
        var spec = load(experiment, sets);
        if (point >= spec.Points.Count) throw new ProtocolError("point", $"the experiment has sweep points 0 to {spec.Points.Count - 1}, not {point}");
        var environment = new ExperimentEnvironment(spec, point, reward);
        int handle = next++;
        environments[handle] = environment;
        json.WriteNumber("env", handle);
        json.WriteString("kind", spec.Kind.Name);
        json.WriteString("experiment", spec.Name);
        ProtocolJson.Space(json, "space", environment.Space);
        json.WriteNumber("horizon_s", spec.HorizonSeconds);
        json.WriteNumber("replications", spec.Replications.Min);
    }

    private void Reset(JsonElement root, Utf8JsonWriter json)
    {
        var environment = Env(root, "env");
        var episode = environment.Reset(Whole(root, "seed", 0, int.MaxValue));
        WriteState(json, episode, "observation", "mask");
        json.WritePropertyName("info");
        ResetInfo(json, environment, episode);
    }

    private void Step(JsonElement root, Utf8JsonWriter json)
    {
        var environment = Env(root, "env");
        var episode = Running(environment, "env");
        int action = Action(root, "action", episode);
        var result = episode.Step(action);
        WriteState(json, episode, "observation", "mask");
        json.WritePropertyName("reward");
        ProtocolJson.Number(json, result.Reward);
        json.WriteBoolean("terminated", result.Terminated);
        json.WriteBoolean("truncated", result.Truncated);
        json.WritePropertyName("info");
        ProtocolJson.Info(json, result.Info, episode.Over ? episode.Metrics() : null);
    }

    private void ResetMany(JsonElement root, Utf8JsonWriter json)
    {
        var targets = Envs(root);
        var seeds = new int?[targets.Length];
        if (root.TryGetProperty("seeds", out var s) && s.ValueKind != JsonValueKind.Null)
        {
            if (s.ValueKind != JsonValueKind.Array || s.GetArrayLength() != targets.Length) throw new ProtocolError("seeds", $"'seeds' is a list of {targets.Length} whole numbers (or nulls), one per env");
            int i = 0;
            foreach (var e in s.EnumerateArray())
            {
                seeds[i] = e.ValueKind == JsonValueKind.Null ? null
                    : e.ValueKind == JsonValueKind.Number && e.TryGetInt32(out int v) && v >= 0 ? v : throw new ProtocolError("seeds", $"seeds[{i}] is not a whole number from 0");
                i++;
            }
        }
        var episodes = new Episode[targets.Length];
        Each(targets.Length, i => episodes[i] = targets[i].Reset(seeds[i]));
        json.WriteStartArray("observations");
        foreach (var e in episodes) ProtocolJson.Numbers(json, null, e.Observation);
        json.WriteEndArray();
        json.WriteStartArray("masks");
        foreach (var e in episodes) ProtocolJson.Flags(json, null, e.Mask);
        json.WriteEndArray();
        json.WriteStartArray("infos");
        for (int i = 0; i < targets.Length; i++) ResetInfo(json, targets[i], episodes[i]);
        json.WriteEndArray();
    }

    private void StepMany(JsonElement root, Utf8JsonWriter json)
    {
        var targets = Envs(root);
        if (!root.TryGetProperty("actions", out var a) || a.ValueKind != JsonValueKind.Array || a.GetArrayLength() != targets.Length)
            throw new ProtocolError("actions", $"'actions' is a list of {targets.Length} whole numbers, one per env");
        var actions = new int[targets.Length];
        int k = 0;
        foreach (var e in a.EnumerateArray())
        {
            var episode = Running(targets[k], $"envs[{k}]");
            actions[k] = e.ValueKind == JsonValueKind.Number && e.TryGetInt32(out int v) && v >= 0 && v < episode.Space.Actions.Count ? v
                : throw new ProtocolError($"actions[{k}]", $"actions[{k}] is {e.GetRawText()}; an action is from 0 to {episode.Space.Actions.Count - 1}");
            k++;
        }
        var results = new StepResult[targets.Length];
        Each(targets.Length, i => results[i] = targets[i].Episode!.Step(actions[i]));
        json.WriteStartArray("observations");
        foreach (var t in targets) ProtocolJson.Numbers(json, null, t.Episode!.Observation);
        json.WriteEndArray();
        json.WriteStartArray("masks");
        foreach (var t in targets) ProtocolJson.Flags(json, null, t.Episode!.Mask);
        json.WriteEndArray();
        json.WriteStartArray("rewards");
        foreach (var r in results) ProtocolJson.Number(json, r.Reward);
        json.WriteEndArray();
        json.WriteStartArray("terminated");
        foreach (var r in results) json.WriteBooleanValue(r.Terminated);
        json.WriteEndArray();
        json.WriteStartArray("truncated");
        foreach (var r in results) json.WriteBooleanValue(r.Truncated);
        json.WriteEndArray();
        json.WriteStartArray("infos");
        for (int i = 0; i < targets.Length; i++) ProtocolJson.Info(json, results[i].Info, targets[i].Episode!.Over ? targets[i].Episode!.Metrics() : null);
        json.WriteEndArray();
    }

    private void Close(JsonElement root, Utf8JsonWriter json)
    {
        int handle = Whole(root, "env", 1, int.MaxValue) ?? throw new ProtocolError("env", "missing 'env': the number make gave");
        if (!environments.Remove(handle)) throw new ProtocolError("env", $"no environment {handle} is open");
        json.WriteNumber("closed", handle);
    }

    /// <summary>Runs the environments' work in parallel when there are several: they share nothing but read-only inputs.</summary>
    private void Each(int count, Action<int> work)
    {
        if (count < 2 || parallelism < 2) for (int i = 0; i < count; i++) work(i);
        else Parallel.For(0, count, new ParallelOptions { MaxDegreeOfParallelism = parallelism }, work);
    }

    private static void WriteState(Utf8JsonWriter json, Episode episode, string observation, string mask)
    {
        ProtocolJson.Numbers(json, observation, episode.Observation);
        ProtocolJson.Flags(json, mask, episode.Mask);
    }

    private static void ResetInfo(Utf8JsonWriter json, ExperimentEnvironment environment, Episode episode)
    {
        json.WriteStartObject();
        json.WriteNumber("replication", environment.Replication);
        json.WriteNumber("time_s", episode.Time);
        json.WriteBoolean("over", episode.Over);
        json.WriteEndObject();
    }

    private ExperimentEnvironment Env(JsonElement root, string field)
    {
        int handle = Whole(root, field, 1, int.MaxValue) ?? throw new ProtocolError(field, $"missing '{field}': the number make gave");
        return environments.TryGetValue(handle, out var e) ? e : throw new ProtocolError(field, $"no environment {handle} is open");
    }

    private ExperimentEnvironment[] Envs(JsonElement root)
    {
        if (!root.TryGetProperty("envs", out var list) || list.ValueKind != JsonValueKind.Array || list.GetArrayLength() == 0)
            throw new ProtocolError("envs", "'envs' is a non-empty list of the numbers make gave");
        var seen = new HashSet<int>();
        var result = new ExperimentEnvironment[list.GetArrayLength()];
        int i = 0;
        foreach (var e in list.EnumerateArray())
        {
            if (e.ValueKind != JsonValueKind.Number || !e.TryGetInt32(out int handle)) throw new ProtocolError($"envs[{i}]", $"envs[{i}] is not an environment's number");
            if (!seen.Add(handle)) throw new ProtocolError($"envs[{i}]", $"environment {handle} is named twice");
            result[i++] = environments.TryGetValue(handle, out var env) ? env : throw new ProtocolError($"envs[{i - 1}]", $"no environment {handle} is open");
        }
        return result;
    }

    private static Episode Running(ExperimentEnvironment environment, string field) =>
        environment.Episode is not { } episode ? throw new ProtocolError(field, "the environment was never reset: reset it first")
        : episode.Over ? throw new ProtocolError(field, "the episode is over (terminated or truncated): reset it")
        : episode;

    private static int Action(JsonElement root, string field, Episode episode)
    {
        int count = episode.Space.Actions.Count;
        if (!root.TryGetProperty(field, out var a)) throw new ProtocolError(field, $"missing '{field}': a whole number from 0 to {count - 1}");
        return a.ValueKind == JsonValueKind.Number && a.TryGetInt32(out int v) && v >= 0 && v < count ? v
            : throw new ProtocolError(field, $"'{field}' is {a.GetRawText()}; an action is a whole number from 0 to {count - 1}");
    }

    private static string? Text(JsonElement root, string field) =>
        !root.TryGetProperty(field, out var v) || v.ValueKind == JsonValueKind.Null ? null
        : v.ValueKind == JsonValueKind.String ? v.GetString() : throw new ProtocolError(field, $"'{field}' is {v.GetRawText()}; expected a string");

    private static int? Whole(JsonElement root, string field, int min, int max) =>
        !root.TryGetProperty(field, out var v) || v.ValueKind == JsonValueKind.Null ? null
        : v.ValueKind == JsonValueKind.Number && v.TryGetInt32(out int i) && i >= min && i <= max ? i
        : throw new ProtocolError(field, $"'{field}' is {v.GetRawText()}; expected a whole number from {min}");
}
