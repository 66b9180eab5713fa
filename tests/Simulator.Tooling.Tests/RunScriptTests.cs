using System.Management.Automation;
using System.Management.Automation.Language;
using System.Management.Automation.Runspaces;

namespace Simulator.Tooling.Tests;

/// <summary>
/// run.ps1 is parsed with the real PowerShell parser and executed in a hosted runspace in which
/// <c>dotnet</c> is a function that records its arguments, so the test sees exactly the commands the
/// script would run, and compares them with the ones README.md documents.
/// </summary>
public class RunScriptTests
{
    private static readonly string Root = RepositoryRoot.Find();
    private static readonly string Script = Path.Combine(Root, "run.ps1");

    [Fact]
    public void The_script_parses_without_errors_and_calls_only_dotnet()
    {
        var ast = Parser.ParseFile(Script, out _, out ParseError[] errors);
        Assert.Empty(errors);
        var commands = ast.FindAll(a => a is CommandAst, searchNestedScriptBlocks: true)
            .Cast<CommandAst>()
            .Select(c => c.GetCommandName())
            .Distinct()
            .ToArray();
        Assert.Equal(new[] { "dotnet" }, commands);
    }

    [Fact]
    public void Test_runs_the_README_test_command_and_passes_extra_arguments()
    {
        var calls = Run("test", "--filter", "Kernel");
        Assert.Equal(new[] { $"test {Root}/Simulator.sln --filter Kernel" }, calls);
        Assert.Contains("dotnet test", File.ReadAllText(Path.Combine(Root, "README.md")));
    }

    [Fact]
    public void Other_arguments_go_to_the_command_line_project()
    {
        var calls = Run("run", "experiments/x.yaml", "--seed", "3");
        Assert.Equal(new[] { $"run -c Release --project {Root}/src/Simulator.Cli -- run experiments/x.yaml --seed 3" }, calls, StringComparer.Ordinal);
    }

    [Fact]
    public void No_arguments_runs_the_main_job_the_README_shows()
    {
        var calls = Run();
        Assert.Equal(new[] { $"run -c Release --project {Root}/src/Simulator.Cli -- run" }, calls);
        Assert.Contains("dotnet run -c Release --project src/Simulator.Cli -- run", File.ReadAllText(Path.Combine(Root, "README.md")));
    }

    private static string[] Run(params string[] arguments)
    {
        var state = InitialSessionState.CreateDefault2();
        using var runspace = RunspaceFactory.CreateRunspace(state);
        runspace.Open();
        using var ps = PowerShell.Create();
        ps.Runspace = runspace;
        ps.AddScript("$global:calls = [System.Collections.Generic.List[string]]::new(); function global:dotnet { $global:calls.Add(($args -join ' ')) }").Invoke();
        ps.Commands.Clear();
        ps.AddCommand(Script);
        foreach (var a in arguments) ps.AddArgument(a);
        ps.Invoke();
        Assert.False(ps.HadErrors, string.Join("\n", ps.Streams.Error.Select(e => e.ToString())));
        ps.Commands.Clear();
        var calls = ps.AddScript("$global:calls").Invoke().Select(o => o.BaseObject.ToString()!).ToArray();
        return calls;
    }
}
