using System.Diagnostics;
using System.Text;
using System.Text.Json;

namespace Simulator.Experiments;

/// <summary>An external policy that died, stalled or answered what it may not: its cell fails with this message; other cells go on.</summary>
public sealed class PolicyFailure(string message) : Exception(message);

/// <summary>
/// An external policy's process for one cell. It is told the decision space and the cell (<c>begin</c>), asked at each
/// decision (<c>act</c>: the observation, the mask, the reward since the last one; it answers <c>{"action": k}</c>),
/// and told when the run ends. The first answer must come within the start-up time, each later one within the
/// timeout; a policy that exits, stalls, writes
/// what is not a message or names an action out of range fails the cell, and its last error lines are shown.
/// </summary>
public sealed class PolicyProcess : IPolicy, IDisposable
{
    private readonly ExternalPolicy spec;
    private readonly Process process;
    private readonly Queue<string> stderr = new();
    private readonly TaskCompletionSource stderrClosed = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly DecisionSpace space;
    private readonly System.Buffers.ArrayBufferWriter<byte> buffer = new();
    private int decisions;

    private PolicyProcess(ExternalPolicy spec, Process process, DecisionSpace space)
    {
        this.spec = spec;
        this.process = process;
        this.space = space;
    }

    public static PolicyProcess Start(ExternalPolicy spec, DecisionSpace space, Cell cell, long seed)
    {
        var info = new ProcessStartInfo(spec.Command[0])
        {
            WorkingDirectory = spec.WorkingDirectory,
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            StandardOutputEncoding = new UTF8Encoding(false),
            StandardInputEncoding = new UTF8Encoding(false),
        };
        foreach (var a in spec.Command.Skip(1)) info.ArgumentList.Add(a);
        Process process;
        try
        {
            process = Process.Start(info) ?? throw new PolicyFailure($"policy '{spec.Label}': '{spec.Command[0]}' did not start.");
        }
        catch (System.ComponentModel.Win32Exception ex)
        {
            throw new PolicyFailure($"policy '{spec.Label}': '{spec.Command[0]}' could not start: {ex.Message}");
        }
        var policy = new PolicyProcess(spec, process, space);
        process.ErrorDataReceived += (_, e) =>
        {
            if (e.Data is null)
            {
                policy.stderrClosed.TrySetResult();
                return;
            }
            lock (policy.stderr)
            {
                policy.stderr.Enqueue(e.Data);
                if (policy.stderr.Count > 10) policy.stderr.Dequeue();
            }
        };
        process.BeginErrorReadLine();
        policy.Ask(json =>
        {
            json.WriteString("cmd", "begin");
            json.WriteNumber("protocol", ProtocolJson.Version);
            json.WriteString("build", SimulatorBuild.Current);
            ProtocolJson.Space(json, "space", space);
            json.WriteNumber("point", cell.Point);
            json.WriteNumber("replication", cell.Replication);
            json.WriteNumber("seed", seed);
        }, "begin", spec.StartupSeconds, "start-up time");
        return policy;
    }

    public int Act(ReadOnlySpan<double> observation, ReadOnlySpan<bool> mask, double reward, IReadOnlyDictionary<string, double> info)
    {
        decisions++;
        // A span cannot enter the writer's lambda: copied once into arrays kept for the call.
        var o = observation.ToArray();
        var m = mask.ToArray();
        using var reply = Ask(json =>
        {
            json.WriteString("cmd", "act");
            ProtocolJson.Numbers(json, "observation", o);
            ProtocolJson.Flags(json, "mask", m);
            json.WritePropertyName("reward");
            ProtocolJson.Number(json, reward);
            json.WritePropertyName("info");
            ProtocolJson.Info(json, info);
        }, "act", spec.TimeoutSeconds, "timeout");
        if (!reply.RootElement.TryGetProperty("action", out var a) || a.ValueKind != JsonValueKind.Number || !a.TryGetInt32(out int action))
            throw Failed($"answered {Shorten(reply.RootElement.GetRawText())}; an answer to act is {{\"action\": k}} with a whole number k");
        if (action < 0 || action >= space.Actions.Count)
            throw Failed($"answered action {action}; the actions are 0 to {space.Actions.Count - 1} ({string.Join(", ", space.Actions.Take(8))}{(space.Actions.Count > 8 ? ", ..." : "")})");
        return action;
    }

    /// <summary>Tells the policy the run is over and lets it exit (or ends it).</summary>
    public void Dispose()
    {
        try
        {
            if (!process.HasExited)
            {
                process.StandardInput.WriteLine("{\"cmd\":\"end\"}");
                process.StandardInput.Close();
                if (!process.WaitForExit(TimeSpan.FromSeconds(Math.Min(5, spec.TimeoutSeconds)))) process.Kill(entireProcessTree: true);
            }
        }
        catch (IOException)
        {
            // It exited on its own meanwhile: nothing to tell.
        }
        finally
        {
            process.Dispose();
        }
    }

    private JsonDocument Ask(Action<Utf8JsonWriter> write, string what, double seconds, string limit)
    {
        buffer.ResetWrittenCount();
        using (var json = new Utf8JsonWriter(buffer, ProtocolJson.Writing))
        {
            json.WriteStartObject();
            write(json);
            json.WriteEndObject();
        }
        try
        {
            process.StandardInput.WriteLine(Encoding.UTF8.GetString(buffer.WrittenSpan));
            process.StandardInput.Flush();
        }
        catch (IOException)
        {
            throw Failed($"stopped reading its input before {what}");
        }
        var line = process.StandardOutput.ReadLineAsync();
        if (!line.Wait(TimeSpan.FromSeconds(seconds)))
        {
            process.Kill(entireProcessTree: true);
            throw Failed($"gave no answer to {what} within {seconds:0.###} s (the entry's {limit})");
        }
        var text = line.Result ?? throw Failed(process.WaitForExit(TimeSpan.FromSeconds(30)) ? $"exited with code {process.ExitCode} before answering {what}" : $"closed its output before answering {what}");
        try
        {
            var doc = JsonDocument.Parse(text);
            if (doc.RootElement.ValueKind != JsonValueKind.Object) throw Failed($"answered {Shorten(text)}, not a JSON object");
            if (ProtocolJson.RepeatedKey(doc.RootElement) is { } repeated) throw Failed($"answered {Shorten(text)}, which gives '{repeated}' twice");
            if (doc.RootElement.TryGetProperty("error", out var error)) throw Failed($"reported an error: {Shorten(error.ToString())}");
            return doc;
        }
        catch (JsonException)
        {
            throw Failed($"answered {Shorten(text)}, which is not a JSON message (one object a line)");
        }
    }

    private PolicyFailure Failed(string what)
    {
        string[] tail;
        // A policy that has exited may still have its last error lines on their way: they are read to the end of the
        // stream (bounded, for a child process that could hold the stream open after its parent is gone).
        if (process.HasExited) stderrClosed.Task.Wait(TimeSpan.FromSeconds(10));
        lock (stderr) tail = stderr.ToArray();
        return new PolicyFailure($"policy '{spec.Label}' ({string.Join(' ', spec.Command)}) {what}, at decision {decisions}." +
            (tail.Length > 0 ? $" Its last error lines:\n  {string.Join("\n  ", tail)}" : ""));
    }

    private static string Shorten(string text) => text.Length <= 200 ? text : text[..200] + "...";

}
