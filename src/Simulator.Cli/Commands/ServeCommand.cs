using System.CommandLine;
using System.Net;
using System.Net.Sockets;
using Simulator.Experiments;

namespace Simulator.Cli;

/// <summary>
/// <c>serve</c>: the environment protocol (docs/environments.md) over standard input and output, or with
/// <c>--port</c> over a loopback socket (127.0.0.1 only; 0 picks a free port, which the first line says). Each
/// connection has environments of its own.
/// </summary>
internal static class ServeCommand
{
    public static Command Create(TextWriter output)
    {
        var port = new Option<int?>("--port") { Description = "Serve on 127.0.0.1 at this port (0: a free one, printed) instead of standard input and output." };
        var parallel = new Option<int>("--parallel") { Description = "Threads stepping several environments at once (reset_many, step_many).", DefaultValueFactory = _ => Environment.ProcessorCount };
        var command = new Command("serve", "Serve experiments as environments a policy steps (reset, step; one JSON message a line).") { port, parallel };
        command.SetAction(result =>
        {
            int threads = result.GetValue(parallel);
            if (threads < 1) throw new FormatException($"--parallel takes a whole number from 1, not {threads}.");
            if (result.GetValue(port) is not { } p)
            {
                using var stdin = Console.OpenStandardInput();
                using var stdout = Console.OpenStandardOutput();
                Server(threads).Serve(stdin, stdout);
                return Cli.Ok;
            }
            if (p is < 0 or > 65535) throw new FormatException($"--port takes 0 to 65535, not {p}.");
            var listener = new TcpListener(IPAddress.Loopback, p);
            listener.Start();
            output.WriteLine($"listening on 127.0.0.1:{((IPEndPoint)listener.LocalEndpoint).Port}");
            output.Flush();
            while (true)
            {
                var client = listener.AcceptTcpClient();
                client.NoDelay = true;
                _ = Task.Run(() =>
                {
                    using (client)
                    using (var stream = client.GetStream())
                    {
                        try
                        {
                            Server(threads).Serve(stream, stream);
                        }
                        catch (IOException)
                        {
                            // The client went away mid-message: its environments go with it.
                        }
                    }
                });
            }
        });
        return command;
    }

    private static EnvironmentServer Server(int threads) =>
        new((experiment, sets) => CommonOptions.Load(experiment is null ? null : new FileInfo(experiment), sets), threads);
}
