using Simulator.Edge;

namespace Simulator.Experiments;

/// <summary>
/// A strategy entry <c>{external: {command, startup, timeout, label, reward}}</c>: a policy in any language, run as a process for
/// each cell and asked at each decision of the scenario's kind over its standard input and output (one JSON
/// message a line; docs/environments.md). The command runs in the experiment file's folder.
/// </summary>
/// <param name="Reward">The reward the policy is told after each decision, one of the kind's (null: its first).</param>
public sealed record ExternalPolicy(string Label, IReadOnlyList<string> Command, string WorkingDirectory, double StartupSeconds, double TimeoutSeconds, string? Reward = null)
{
    public static readonly ValueKey CommandKey = new("command", "a command line (split at spaces) or a list of its words", null, "The policy process: a program and its arguments, run in the experiment file's folder.");
    // Apart, because start-up (an interpreter, a learning library, weights read from disk) can take far longer than
    // a decision, and one budget for both would either fail slow starters or let a stalled decision wait as long.
    public static readonly QuantityKey Startup = new("startup", UnitKind.Time, "60 s", Domain.Positive, "How long the policy may take to start and answer its first message (begin), wall clock; longer fails its cell.");
    public static readonly QuantityKey Timeout = new("timeout", UnitKind.Time, "10 s", Domain.Positive, "How long the policy may take to answer each decision after that (wall clock); longer fails its cell.");
    public static readonly TextKey LabelKey = new("label", "external", "The strategy's name in tables and plots.", "a name",
        check: l => l.Length is > 0 and <= 60 && l.All(c => char.IsLetterOrDigit(c) || c is '-' or '_' or '.') ? null : $"the label '{l}' is 1 to 60 letters, digits, '-', '_' or '.'.");

    // A policy that learns while it is evaluated must hear the reward it was trained with (an environment's make takes the same).
    public static readonly TextKey RewardKey = new("reward", null, "What the policy is told it earned after each decision: one of the rewards the scenario's kind offers (on-time for a site; penalty or delay for a network).", "a reward", dependsOn: "the kind's first (on-time, penalty)");

    public static readonly SectionSchema Keys = new("an external strategy {external: {...}}", "A policy process asked at each decision.", CommandKey, Startup, Timeout, LabelKey, RewardKey);

    /// <summary>The entry's <c>external:</c> section, with the program found now (relative to <paramref name="baseDirectory"/>, or on the PATH).</summary>
    public static ExternalPolicy Read(YamlDoc doc, string baseDirectory)
    {
        var s = new Section(doc, new Binding(new Dictionary<string, YamlDoc>()), Keys);
        var command = s.Required(CommandKey);
        var words = command.IsSequence ? command.Sequence().Select(w => w.Text()).ToArray() : command.Text().Split(' ', StringSplitOptions.RemoveEmptyEntries);
        if (words.Length == 0 || words.Any(w => w.Length == 0)) throw command.Error("the command is empty: give the program and its arguments.");
        if (Locate(words[0], baseDirectory) is null)
            throw command.Error($"the program '{words[0]}' is neither a file (relative to {baseDirectory}) nor on the PATH.");
        return new ExternalPolicy(s.Get(LabelKey), words, baseDirectory, s.Get(Startup), s.Get(Timeout), s.Has(RewardKey) ? s.Get(RewardKey) : null);
    }

    /// <summary>Where <paramref name="program"/> is: a path (relative to the folder), or a name on the PATH.</summary>
    private static string? Locate(string program, string folder)
    {
        if (program.Contains('/') || program.Contains('\\'))
            return File.Exists(Path.Combine(folder, program)) ? Path.GetFullPath(Path.Combine(folder, program)) : null;
        foreach (var dir in (System.Environment.GetEnvironmentVariable("PATH") ?? "").Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries))
            foreach (var name in OperatingSystem.IsWindows() ? new[] { program, program + ".exe" } : new[] { program })
                if (File.Exists(Path.Combine(dir, name))) return Path.Combine(dir, name);
        return null;
    }

    /// <summary>The policy's process for one cell, told the decision space, the cell and its seed before its first decision.</summary>
    public PolicyProcess Open(DecisionSpace space, Cell cell, RandomStreams streams) => PolicyProcess.Start(this, space, cell, SeedOf(streams));

    /// <summary>
    /// The seed a policy is given for a cell, for whatever it draws: from the cell's streams, so from the experiment's seed,
    /// the point and the replication, and the same for every policy of the cell (common random numbers, whatever its
    /// label). Below 2^53, so that every JSON reader holds it exactly.
    /// </summary>
    public static long SeedOf(RandomStreams streams) => (long)(streams.Seed("external-policy") >> 11);
}
