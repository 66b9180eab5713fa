using Simulator.Cli;

namespace Simulator.Cli.Tests;

/// <summary>Runs the command line in-process, capturing both streams.</summary>
internal static class CliHarness
{
    public static (int Code, string Output, string Error) Run(params string[] args)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        int code = Cli.Run(args, output, error);
        return (code, output.ToString(), error.ToString());
    }

    /// <summary>The cell records a results folder's log (<c>cells.csv</c>) holds so far: its lines after the header; 0 before it exists or while it is being rewritten.</summary>
    public static int CellsLogged(string? cellsCsv)
    {
        try
        {
            return cellsCsv is not null && File.Exists(cellsCsv) ? Math.Max(0, File.ReadAllLines(cellsCsv).Length - 1) : 0;
        }
        catch (IOException)
        {
            return 0;
        }
    }

    /// <summary>
    /// The built simulator as a child process, for what in-process runs cannot do: be killed, or time out.
    /// Its output is drained as it comes; the task gives its standard error once it exits.
    /// </summary>
    /// <param name="output">Leave standard output (and input) to the caller, instead of draining it.</param>
    /// <param name="defaultSignals">
    /// Start it with SIGINT and SIGTERM at their default handling (through coreutils' <c>env --default-signal</c>, which
    /// execs it under the same process id): a test run from a background job inherits SIGINT ignored, as a shell
    /// leaves it for the commands it starts in the background, and a Ctrl+C would never reach the child.
    /// </param>
    public static (System.Diagnostics.Process Process, Task<string> Error) Start(IEnumerable<string> args, string? workingDirectory = null, bool output = false, bool defaultSignals = false)
    {
        string simulator = Path.Combine(AppContext.BaseDirectory, "simulator");
        var child = System.Diagnostics.Process.Start(new System.Diagnostics.ProcessStartInfo(defaultSignals ? "/usr/bin/env" : simulator,
            defaultSignals ? new[] { "--default-signal=INT,TERM", simulator }.Concat(args) : args)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            WorkingDirectory = workingDirectory ?? "",
        })!;
        if (!output) _ = child.StandardOutput.ReadToEndAsync();
        return (child, child.StandardError.ReadToEndAsync());
    }
}
