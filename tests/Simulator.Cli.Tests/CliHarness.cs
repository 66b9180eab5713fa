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

    /// <summary>
    /// The built simulator as a child process, for what in-process runs cannot do: be killed, or time out.
    /// Its output is drained as it comes; the task gives its standard error once it exits.
    /// </summary>
    /// <param name="output">Leave standard output (and input) to the caller, instead of draining it.</param>
    public static (System.Diagnostics.Process Process, Task<string> Error) Start(IEnumerable<string> args, string? workingDirectory = null, bool output = false)
    {
        var child = System.Diagnostics.Process.Start(new System.Diagnostics.ProcessStartInfo(Path.Combine(AppContext.BaseDirectory, "simulator"), args)
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
