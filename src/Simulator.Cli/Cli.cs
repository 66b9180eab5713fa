using System.CommandLine;
using Simulator.Experiments;

namespace Simulator.Cli;

/// <summary>
/// The command line (docs/experiments.md). Exit codes: 0 success; 2 a usage or input error (the
/// message on standard error, naming file, line and what was expected); 1 a failure while running.
/// </summary>
public static class Cli
{
    public const int Ok = 0, Failure = 1, UsageError = 2;

    public static int Run(string[] args, TextWriter output, TextWriter error)
    {
        var root = new RootCommand("Discrete-event simulator for parameter-sharing edge AI inference.");
        root.Subcommands.Add(RunCommand.Create(output, error));
        root.Subcommands.Add(RunCommand.Validate(output, error));
        root.Subcommands.Add(RunCommand.Merge(output));
        root.Subcommands.Add(SlurmCommand.Create(output));
        root.Subcommands.Add(SolveCommand.Create(output));
        root.Subcommands.Add(ListCommand.Create(output));
        root.Subcommands.Add(CatalogCommand.Create(output));
        root.Subcommands.Add(PlotCommand.Create(output));
        root.Subcommands.Add(ServeCommand.Create(output));
        var parsed = root.Parse(args);
        if (parsed.Errors.Count > 0)
        {
            // The unrecognised token first: it says what was typed wrong; "required command" follows from it.
            foreach (var e in parsed.Errors.OrderBy(e => e.Message.StartsWith("Unrecognized", StringComparison.Ordinal) ? 0 : 1)) error.WriteLine(e.Message);
            return UsageError;
        }
        try
        {
            return parsed.Invoke(new InvocationConfiguration { Output = output, Error = error, EnableDefaultExceptionHandler = false });
        }
        catch (Exception ex)
        {
            // Cells run in parallel: the same failure in many cells arrives wrapped, once per cell.
            var causes = ex is AggregateException all ? all.Flatten().InnerExceptions.ToArray() : new[] { ex };
            bool input = causes.All(IsInputError);
            foreach (string message in causes.Select(c => c.Message).Distinct()) error.WriteLine(input ? message : $"failed: {message}");
            return input ? UsageError : Failure;
        }
    }

    /// <summary>A refusal of what the user gave (exit 2), as against a failure while running (exit 1).</summary>
    internal static bool IsInputError(Exception ex) =>
        Fault.IsRefusal(ex) || ex is FormatException or FileNotFoundException or DirectoryNotFoundException or KeyNotFoundException;
}
