using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using Simulator.Experiments;
using Spectre.Console;

namespace Simulator.Cli;

/// <summary>
/// <c>run [file]</c>: runs an experiment (the embedded quickstart without a file), writes
/// results/&lt;name&gt;/&lt;run-id&gt;/ and prints the summary table. <c>validate &lt;file&gt;</c> only reads and checks it.
/// </summary>
public static class RunCommand
{
    public static Command Create(TextWriter output, TextWriter error)
    {
        var file = new Argument<FileInfo?>("file") { Description = "An experiment file; none runs the embedded quickstart.", Arity = ArgumentArity.ZeroOrOne };
        var options = new CommonOptions();
        var shard = new Option<string?>("--shard") { Description = "Run only slice i of N of the grid (i/N, from 0); join slices with merge." };
        var trace = new Option<bool>("--trace") { Description = $"Also write traces/: replication 0 of every cell's requests, batches and a Perfetto trace.json (as trace: {{rows: {TraceSpec.DefaultRows}}} in the file)." };
        var command = new Command("run", "Run an experiment: replications in parallel, summaries, report. Re-running into the same --out resumes.") { file, shard, trace };
        options.AddTo(command);
        command.SetAction(result =>
        {
            var spec = options.Read(result, result.GetValue(file));
            if (result.GetValue(trace) && spec.Trace is null)
                spec = spec.TraceRefusal is { } refusal ? throw new FormatException("--trace: " + refusal) : spec with { Trace = new TraceSpec(TraceSpec.DefaultRows) };
            string dir = result.GetValue(options.Out) ?? Path.Combine("results", spec.Name, $"{DateTime.UtcNow:yyyyMMdd-HHmmss}-{spec.Hash[..8]}");
            int parallel = options.Threads(result);
            // A terminal gets a bar on standard error; a file, a pipe or a batch system gets a progress line every few seconds; --quiet nothing.
            bool quiet = result.GetValue(options.Quiet);
            bool terminal = !Console.IsErrorRedirected && ReferenceEquals(error, Console.Error);
            var slice = ParseShard(result.GetValue(shard), spec);
            using var store = RunStore.Open(dir, spec);
            if (!quiet && store.Done.Count > 0) error.WriteLine($"resumed: {store.Done.Count} cells found done in {dir}; they are not run again.");
            // A resume by another build is allowed (a rebuild that moves no number is the common case) but never silent.
            var others = store.DoneBuilds.Where(b => b.Key != SimulatorBuild.Current).ToArray();
            if (others.Length > 0)
                error.WriteLine($"note: {others.Sum(b => b.Value)} of the cells found done were run by another simulator build ({string.Join(", ", others.Select(b => SimulatorBuild.Named(b.Key)))}) than this one ({SimulatorBuild.Current}); report.md names each build's runs.");
            bool named = result.GetValue(options.Out) is not null;
            using var notice = new InterruptNotice(error, () =>
                $"interrupted: {store.Kept} cells are kept in {dir}; {(named ? "the same command" : $"the same command with --out {dir}")} resumes (finished cells are not run again).");
            var watch = Stopwatch.StartNew();
            IReadOnlyList<RunRecord> Run(Action<int, int>? progress) => new Runner(spec, parallel)
            {
                Done = store.Done,
                Finished = store.Append,
                Include = slice ?? (_ => true),
                Progress = progress,
            }.Run();
            var records = quiet ? Run(null) : terminal ? WithProgressBar(Run) : WithProgressLines(Run, error, store.Done.Count, parallel);
            double simulated = watch.Elapsed.TotalSeconds;
            if (slice is not null)
            {
                output.WriteLine($"{result.GetValue(shard)}: {records.Count} runs in {dir}; join the slices with merge.");
                return Cli.Ok;
            }
            ResultWriter.WriteAll(spec, records, dir, store.Builds);
            output.Write(Report.Markdown(spec, records));
            output.WriteLine();
            output.WriteLine(FormattableString.Invariant($"{records.Count} runs in {simulated:F1} s ({records.Count / simulated:F1} runs/s on {parallel} threads), outputs and plots in {watch.Elapsed.TotalSeconds - simulated:F1} s; results in {dir}"));
            return Cli.Ok;
        });
        return command;
    }

    /// <summary>Spectre.Console's progress bar on standard error: runs done, the rate, the time spent and left, and a spinner that shows the run alive while no cell finishes.</summary>
    private static IReadOnlyList<RunRecord> WithProgressBar(Func<Action<int, int>?, IReadOnlyList<RunRecord>> run)
    {
        var console = AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(Console.Error) });
        IReadOnlyList<RunRecord> records = Array.Empty<RunRecord>();
        console.Progress()
            .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new ElapsedTimeColumn(), new RemainingTimeColumn(), new SpinnerColumn())
            .Start(context =>
            {
                var task = context.AddTask("runs");
                var watch = Stopwatch.StartNew();
                records = run((done, planned) =>
                {
                    task.MaxValue = planned;
                    task.Value = done;
                    task.Description = FormattableString.Invariant($"{done}/{planned} runs, {done / Math.Max(1e-9, watch.Elapsed.TotalSeconds):F1}/s");
                });
            });
        return records;
    }

    /// <summary>Progress lines on standard error, for a run whose standard error is not a terminal.</summary>
    private static IReadOnlyList<RunRecord> WithProgressLines(Func<Action<int, int>?, IReadOnlyList<RunRecord>> run, TextWriter error, int found, int threads)
    {
        using var lines = new ProgressLines(error, found, threads, TimeProvider.System);
        var records = run(lines.Report);
        lines.Finish();
        return records;
    }

    /// <summary>i/N: the cells whose position in the grid is i modulo N.</summary>
    private static Func<Cell, bool>? ParseShard(string? text, ExperimentSpec spec)
    {
        if (text is null) return null;
        var parts = text.Split('/');
        if (parts.Length != 2 || !int.TryParse(parts[0], NumberStyles.Integer, CultureInfo.InvariantCulture, out int i) || !int.TryParse(parts[1], NumberStyles.Integer, CultureInfo.InvariantCulture, out int n) || n < 1 || i < 0 || i >= n)
            throw new FormatException($"--shard takes i/N with 0 <= i < N, not '{text}'.");
        if (spec.Replications.RelativeHalfWidth is not null)
            throw new FormatException("--shard needs a fixed number of replications; sequential stopping decides them as it goes.");
        var position = spec.AllCells(spec.Replications.Max).Select((c, k) => (c, k)).ToDictionary(x => x.c, x => x.k);
        return cell => position[cell] % n == i;
    }

    public static Command Merge(TextWriter output)
    {
        var dirs = new Argument<string[]>("dirs") { Description = "Results folders of the slices (run --shard i/N).", Arity = ArgumentArity.OneOrMore };
        var outDir = new Option<string?>("--out") { Description = "Where to write the merged results." };
        var command = new Command("merge", "Join the slices of a sharded run and write its summaries and report.") { dirs, outDir };
        command.SetAction(result =>
        {
            var slices = result.GetValue(dirs)!;
            if (result.GetValue(outDir) is { } target) RunStore.CheckMergeTarget(target, slices);
            var (spec, records, builds) = RunStore.Merge(slices);
            string dir = result.GetValue(outDir) ?? Path.Combine("results", spec.Name, $"{DateTime.UtcNow:yyyyMMdd-HHmmss}-{spec.Hash[..8]}-merged");
            RunStore.CheckMergeTarget(dir, slices);
            RunStore.WriteFinished(dir, spec, records, builds);
            ResultWriter.WriteAll(spec, records, dir, RunStore.Tally(builds.Values));
            output.Write(Report.Markdown(spec, records));
            output.WriteLine($"merged {records.Count} runs into {dir}");
            return Cli.Ok;
        });
        return command;
    }

    /// <summary>
    /// <c>validate</c> takes the overrides <c>run</c> takes, so that what validates with them runs with them. Given
    /// several files it checks each, reports every refusal (not only the first) and exits 2 if any is refused. A file
    /// of another kind (a catalog, a static round, a network window, the hardware profiles, a plots section, a CSV) is read as what it is;
    /// the overrides change experiments, so given with no experiment among the files they are refused.
    /// </summary>
    public static Command Validate(TextWriter output, TextWriter error)
    {
        var files = new Argument<FileInfo[]>("files") { Description = "Experiment files (catalogs, static rounds, network windows, hardware profile files, plots sections and CSV files are checked as what they are); none checks the embedded quickstart.", Arity = ArgumentArity.ZeroOrMore };
        var options = new CommonOptions();
        var command = new Command("validate", "Read and check experiment files, with run's overrides, without running them; the other files the simulator reads, as what they are.") { files };
        options.AddInputsTo(command);
        command.SetAction(result =>
        {
            var given = result.GetValue(files) ?? Array.Empty<FileInfo>();
            var sets = options.Sets(result);
            if (given.Length == 0)
            {
                output.WriteLine(Checked(CommonOptions.Load(null, sets)));
                return Cli.Ok;
            }
            // Each file is read and parsed once, and what it says is held until every file is read: overrides given with
            // no experiment among the files are refused before anything is printed.
            var lines = new List<(bool Refused, string Text)>();
            var met = new HashSet<FileKind>();
            // A plots section is checked in the built-in kinds and those of --plugin, loaded once.
            var plotKinds = new Lazy<ScenarioKinds>(() => CommonOptions.LoadPlugins(result, options.Plugin).Kinds);
            foreach (var file in given)
            {
                try
                {
                    lines.Add((false, Check(file, sets, plotKinds, met)));
                }
                catch (Exception ex) when (given.Length > 1 && Cli.IsInputError(ex))
                {
                    lines.Add((true, ex.Message));
                }
            }
            bool onlyPlugins = sets.All(s => s.StartsWith(ExperimentKeys.Plugins.Name + "=", StringComparison.Ordinal));
            if (sets.Count > 0 && !met.Contains(FileKind.Experiment) && !(onlyPlugins && met.Contains(FileKind.Plots)) && lines.Any(l => !l.Refused))
                throw new FormatException($"--set, --seed, --replications and --plugin change experiments (--plugin also the kinds a plots section is checked in), and {(given.Length == 1 ? "the file given is not one" : "none of the files given is one")}: they would change nothing.");
            foreach (var (isRefusal, text) in lines) (isRefusal ? error : output).WriteLine(text);
            int refused = lines.Count(l => l.Refused);
            if (refused == 0) return Cli.Ok;
            error.WriteLine($"{refused} of {given.Length} files refused.");
            return Cli.UsageError;
        });
        return command;
    }

    /// <summary>
    /// validate's line for one file: an experiment read with the overrides, any other kind by its own reader (a plots
    /// section in <paramref name="plotKinds"/>); each kind met is added to <paramref name="met"/>, before it is read.
    /// A missing file, a folder or an option is left to the experiment reader, which says what it is.
    /// </summary>
    private static string Check(FileInfo file, IReadOnlyList<string> sets, Lazy<ScenarioKinds> plotKinds, ISet<FileKind> met)
    {
        if (!file.Exists || file.Name.StartsWith('-'))
        {
            met.Add(FileKind.Experiment);
            return Checked(CommonOptions.Load(file, sets));
        }
        if (file.Extension.Equals(".csv", StringComparison.OrdinalIgnoreCase)) return FileCheck.Csv(file);
        string text = YamlDoc.ReadText(file.FullName);
        var doc = YamlDoc.Parse(text, file.FullName);
        var kind = FileKinds.Recognize(doc) ?? FileKind.Experiment;
        met.Add(kind);
        if (kind == FileKind.Plots) return FileCheck.Plots(doc, file, plotKinds.Value);
        if (kind != FileKind.Experiment) return FileCheck.Check(kind, doc, file);
        return Checked(ExperimentReader.Read(new ExperimentSource(text, file.FullName, file.DirectoryName!, sets), doc));
    }

    /// <summary>validate's line for a file that reads: its grid and config hash.</summary>
    private static string Checked(ExperimentSpec spec)
    {
        var plan = spec.Replications;
        string replications = plan.RelativeHalfWidth is { } width
            ? string.Create(CultureInfo.InvariantCulture, $"{plan.Min} to {plan.Max} replications (until the 95 % half-width of {spec.Primary.Name} is within {width * 100:0.###} % of its mean)")
            : $"{plan.Min} replications";
        return $"ok: {spec.Name}: {spec.Points.Count} point(s) x {spec.Strategies.Count} strategies x {replications}; sha256 {spec.Hash}";
    }
}

/// <summary>The options every experiment command shares (docs/experiments.md).</summary>
public sealed class CommonOptions
{
    // Text, checked here: the parser's own message for a bad number names a .NET type.
    public Option<string?> Seed { get; } = new("--seed") { Description = "Override the experiment's seed." };
    public Option<string?> Replications { get; } = new("--replications", "-r") { Description = "Override the number of replications." };
    public Option<string?> Out { get; } = new("--out", "-o") { Description = "Write results here instead of results/<name>/<run-id>." };
    public Option<string?> Parallel { get; } = new("--parallel", "-j") { Description = "Threads, at least 1 (default: all cores)." };
    public Option<bool> Quiet { get; } = new("--quiet", "-q") { Description = "No progress output." };
    public Option<string[]> Set { get; } = new("--set", "-s") { Description = "Override any value by its dotted path: path=value (repeatable).", AllowMultipleArgumentsPerToken = true };
    public Option<string[]> Plugin { get; } = Plugins();

    /// <summary>--plugin, shared with <c>list</c> and <c>solve</c>.</summary>
    public static Option<string[]> Plugins() => new("--plugin", "-p") { Description = "An assembly (.dll) whose [Strategy] classes join the built-in strategies; replaces the file's plugins: list (repeatable)." };

    /// <summary>The built-in strategies and kinds with those of the --plugin assemblies given (for the commands that read no experiment file).</summary>
    public static Plugins.Loaded LoadPlugins(ParseResult result, Option<string[]> plugin) =>
        Experiments.Plugins.Load((result.GetValue(plugin) ?? Array.Empty<string>()).Select(p => new Plugins.Named(Path.GetFullPath(p), Experiments.Plugins.CommandLine, 1)).ToArray());

    public void AddTo(Command command)
    {
        AddInputsTo(command);
        command.Options.Add(Out);
        command.Options.Add(Parallel);
        command.Options.Add(Quiet);
    }

    /// <summary>The options that change what is run (validate takes these too).</summary>
    public void AddInputsTo(Command command)
    {
        command.Options.Add(Seed);
        command.Options.Add(Replications);
        command.Options.Add(Set);
        command.Options.Add(Plugin);
    }

    /// <summary>--parallel: at least 1; without it, every core.</summary>
    public int Threads(ParseResult result)
    {
        if (result.GetValue(Parallel) is not { } text) return Environment.ProcessorCount;
        return int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out int threads) && threads >= 1
            ? threads : throw new FormatException($"--parallel takes a number of threads from 1, not {text}.");
    }

    public ExperimentSpec Read(ParseResult result, FileInfo? file) => Load(file, Sets(result));

    /// <summary>Every override given, <c>--seed</c> and <c>--replications</c> included, as path=value.</summary>
    public List<string> Sets(ParseResult result)
    {
        var sets = (result.GetValue(Set) ?? Array.Empty<string>()).ToList();
        if (result.GetValue(Seed) is { } seed)
            sets.Add(long.TryParse(seed, NumberStyles.None, CultureInfo.InvariantCulture, out _) ? $"seed={seed}" : throw new FormatException($"--seed takes a whole number from 0 to 9,223,372,036,854,775,807, not '{seed}'."));
        if (result.GetValue(Replications) is { } reps)
            sets.Add(int.TryParse(reps, NumberStyles.None, CultureInfo.InvariantCulture, out int n) && n is >= 2 and <= 1_000_000 ? $"replications={reps}" : throw new FormatException($"--replications takes a whole number from 2 to 1,000,000, not '{reps}'."));
        if (PluginSet(result.GetValue(Plugin)) is { } plugins) sets.Add(plugins);
        return sets;
    }

    /// <summary>--plugin paths as the override plugins=[...] (absolute, so that shards and resumed runs find them); null without any.</summary>
    public static string? PluginSet(string[]? paths)
    {
        if (paths is not { Length: > 0 }) return null;
        foreach (var path in paths)
            if (!File.Exists(path)) throw new FileNotFoundException($"--plugin {path}: no such file.");
        return $"plugins=[{string.Join(", ", paths.Select(p => "'" + Path.GetFullPath(p).Replace("'", "''", StringComparison.Ordinal) + "'"))}]";
    }

    public static ExperimentSpec Load(FileInfo? file, IReadOnlyList<string> sets)
    {
        if (file is null) return Quickstart.Read(sets);
        if (file.Name.StartsWith('-')) throw new FormatException($"unknown option '{file.Name}'; see --help.");
        if (Directory.Exists(file.FullName)) throw new FormatException($"{file.FullName} is a folder; give an experiment file (.yaml).");
        if (!file.Exists) throw new FileNotFoundException($"{file.FullName}: no such experiment file.");
        return ExperimentReader.Read(file.FullName, sets);
    }
}
