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
    public static (System.Diagnostics.Process Process, Task<string> Error) Start(IEnumerable<string> args, string? workingDirectory = null)
    {
        var child = System.Diagnostics.Process.Start(new System.Diagnostics.ProcessStartInfo(Path.Combine(AppContext.BaseDirectory, "simulator"), args)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = workingDirectory ?? "",
        })!;
        _ = child.StandardOutput.ReadToEndAsync();
        return (child, child.StandardError.ReadToEndAsync());
    }
}
