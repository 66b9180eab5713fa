using System.Text.RegularExpressions;
using Simulator.Experiments;

namespace Simulator.Cli.Tests;

/// <summary>
/// A scenario kind is declared once: its name appears under src/ only in its own folder and in the registration,
/// as a kind (the literal "name", or "kind: name" in a message or comment); nothing else tests for it.
/// </summary>
public partial class KindDeclarationTests
{
    private static readonly string Src = Path.Combine(RepositoryRoot.Find(), "src");

    /// <summary>Where a name is also something other than a kind: the network kinds' section key <c>network</c>.</summary>
    private static bool OtherMeaning(string name, string line) =>
        name == "network" && SectionKey().IsMatch(line);

    [Fact]
    public void A_kind_name_is_found_only_in_its_own_folder_and_its_registration()
    {
        var files = Directory.GetFiles(Src, "*.cs", SearchOption.AllDirectories).Where(f => !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal)).ToArray();
        string registration = Path.Combine(Src, "Simulator.Experiments", "Kinds", "ScenarioKinds.cs");
        foreach (var kind in ScenarioKinds.BuiltIn.All)
        {
            string declaring = files.Single(f => File.ReadAllText(f).Contains($"class {kind.GetType().Name} ", StringComparison.Ordinal));
            string folder = Path.GetDirectoryName(declaring)!;
            Assert.NotEqual(Path.Combine(Src, "Simulator.Experiments", "Kinds"), folder);
            var mention = new Regex($"\"{Regex.Escape(kind.Name)}\"|kind: {Regex.Escape(kind.Name)}(?![\\w-])");
            foreach (var file in files.Where(f => !f.StartsWith(folder + Path.DirectorySeparatorChar, StringComparison.Ordinal) && f != registration))
                foreach (var (line, number) in File.ReadLines(file).Select((l, i) => (l, i + 1)))
                    Assert.False(mention.IsMatch(line) && !OtherMeaning(kind.Name, line), $"{Path.GetRelativePath(Src, file)}:{number} names kind '{kind.Name}' outside its folder: {line.Trim()}");
        }
    }

    [Fact]
    public void No_capability_flag_of_a_kind_is_left()
    {
        foreach (var file in Directory.GetFiles(Src, "*.cs", SearchOption.AllDirectories))
        {
            string text = File.ReadAllText(file);
            foreach (var flag in new[] { "SimulatesTime", "HasSiteMetrics", "SchedulesSites", "NeedsSites" })
                Assert.False(text.Contains(flag, StringComparison.Ordinal), $"{Path.GetRelativePath(Src, file)} tests '{flag}'");
        }
    }

    [Fact]
    public void Every_kind_says_how_its_runs_pass_time_and_a_one_round_kind_takes_no_warm_up()
    {
        var (code, output, _) = CliHarness.Run("list", "kinds");
        Assert.Equal(0, code);
        foreach (var kind in ScenarioKinds.BuiltIn.All)
        {
            Assert.Contains($"\n    time: {kind.Time}\n", output.ReplaceLineEndings("\n"));
            Assert.Null(kind.WarmupRefusal(0));
            Assert.Equal(kind is OneRoundKind, kind.WarmupRefusal(0.5) is not null);
        }
        Assert.Equal(new[] { "one-shot", "network-one-shot" }, ScenarioKinds.BuiltIn.All.OfType<OneRoundKind>().Select(k => k.Name));
    }

    [GeneratedRegex("SectionKey Network = new\\(\"network\", NetworkSection")]
    private static partial Regex SectionKey();
}
