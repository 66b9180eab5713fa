using System.Net;
using System.Net.Sockets;
using System.Text.Json;

namespace Simulator.Cli.Tests;

/// <summary><c>serve</c> as a child process: over standard input and output, and over a socket on the loopback address only.</summary>
public sealed class ServeTests
{
    private const string Make = """{"cmd":"make","set":["horizon=30 s","warmup=0 s","sweep={scenario.arrivals.rate: [20 /s]}","plots=[]"]}""";

    private static void Conversation(Func<string, JsonElement> ask)
    {
        Assert.Equal(1, ask("""{"id":1,"cmd":"hello"}""").GetProperty("protocol").GetInt32());
        int env = ask(Make).GetProperty("env").GetInt32();
        var reset = ask($$"""{"cmd":"reset","env":{{env}},"seed":2}""");
        int wait = reset.GetProperty("mask").GetArrayLength() - 1;
        var step = ask($$"""{"cmd":"step","env":{{env}},"action":{{wait}}}""");
        Assert.True(step.GetProperty("info").GetProperty("time_s").GetDouble() > 0);
        // A malformed line and a bad field get their error; the server goes on.
        Assert.Equal("", ask("{oops").GetProperty("field").GetString());
        Assert.Equal("action", ask($$"""{"cmd":"step","env":{{env}},"action":{{wait + 1}}}""").GetProperty("field").GetString());
        Assert.Equal(env, ask($$"""{"cmd":"close","env":{{env}}}""").GetProperty("closed").GetInt32());
    }

    [Fact]
    public async Task Over_standard_input_and_output_each_line_gets_its_reply_and_the_end_of_input_ends_it()
    {
        var (child, error) = CliHarness.Start(new[] { "serve" }, output: true);
        using var _ = child;
        Conversation(line =>
        {
            child.StandardInput.WriteLine(line);
            child.StandardInput.Flush();
            return JsonDocument.Parse(child.StandardOutput.ReadLine()!).RootElement.Clone();
        });
        child.StandardInput.Close();
        await child.WaitForExitAsync();
        Assert.Equal(0, child.ExitCode);
        Assert.Equal("", await error);
    }

    [Fact]
    public async Task Over_a_socket_it_listens_on_the_loopback_address_alone()
    {
        var (child, _) = CliHarness.Start(new[] { "serve", "--port", "0" }, output: true);
        using var __ = child;
        try
        {
            string first = child.StandardOutput.ReadLine()!;
            Assert.StartsWith("listening on 127.0.0.1:", first);
            int port = int.Parse(first["listening on 127.0.0.1:".Length..], System.Globalization.CultureInfo.InvariantCulture);
            // Not on the machine's other addresses.
            foreach (var address in (await Dns.GetHostAddressesAsync(Dns.GetHostName())).Where(a => a.AddressFamily == AddressFamily.InterNetwork && !IPAddress.IsLoopback(a)))
                await Assert.ThrowsAnyAsync<SocketException>(async () => { using var other = new TcpClient(); await other.ConnectAsync(address, port); });
            using var client = new TcpClient();
            await client.ConnectAsync(IPAddress.Loopback, port);
            using var stream = client.GetStream();
            using var reader = new StreamReader(stream);
            using var writer = new StreamWriter(stream) { AutoFlush = true };
            Conversation(line =>
            {
                writer.WriteLine(line);
                return JsonDocument.Parse(reader.ReadLine()!).RootElement.Clone();
            });
        }
        finally
        {
            child.Kill(entireProcessTree: true);
        }
    }
}
