using System.Globalization;
using System.Text.RegularExpressions;
using SimSharp.Samples;

namespace Simulator.Kernel.Tests.SimSharpSamples;

/// <summary>
/// SimSharp's own samples, compiled against this kernel with only their <c>using</c> lines changed, print
/// what SimSharp printed for the same seed. The expected files were recorded by running SimSharp's
/// <c>RunAllSamples</c> (heal-research/SimSharp at commit 4378ef9, built from source on .NET 10, invariant
/// culture); only the wall-clock speed in the machine shop's last line differs between runs and is masked.
/// </summary>
[Collection(nameof(ConsoleCapture))]
public partial class SampleTests
{
    [Fact]
    public void MachineShop_prints_what_SimSharp_prints() => Compare("MachineShop", () => new MachineShop().Simulate());

    [Fact]
    public void ProcessCommunication_prints_what_SimSharp_prints() => Compare("ProcessCommunication", () => new ProcessCommunication().Simulate());

    [Fact]
    public void SteelFactory_prints_what_SimSharp_prints() => Compare("SteelFactory", () => new SteelFactory().Simulate());

    [Fact]
    public void MachineShopSpecialist_prints_what_SimSharp_prints() => Compare("MachineShopSpecialist", () => new MachineShopSpecialist().Simulate());

    [Fact]
    public void SimpleShop_prints_what_SimSharp_prints() => Compare("SimpleShop", () => new SimpleShop().Simulate());

    [Fact]
    public void BankRenege_prints_what_SimSharp_prints() => Compare("BankRenege", () => new BankRenege().Simulate());

    [Fact]
    public void GasStationRefueling_prints_what_SimSharp_prints() => Compare("GasStationRefueling", () => new GasStationRefueling().Simulate());

    [Fact]
    public void KanbanControl_prints_what_SimSharp_prints() => Compare("KanbanControl", () => new KanbanControl().Simulate());

    [Fact]
    public void MM1Queueing_prints_what_SimSharp_prints() => Compare("MM1Queueing", () => new MM1Queueing().Simulate());

    [Fact]
    public void PseudoRealtimeSample_waits_a_wall_clock_second_for_a_simulated_one()
    {
        string text = Capture(() => new PseudoRealtimeSample().Simulate());
        var m = Regex.Match(text, @"Elapsed wall clock time ([0-9.]+)s, elapsed simulation time ([0-9.]+)s\.");
        Assert.True(m.Success, text);
        // At least the simulated second; the upper bound only rules out waiting on the wrong clock (the run stops at
        // 2 simulated seconds), with room for a loaded machine.
        Assert.InRange(double.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture), 0.95, 30);
        Assert.Equal("1", m.Groups[2].Value);
        string expected = File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "SimSharpSamples", "Expected", "PseudoRealtimeSample.txt"));
        Assert.Equal(Regex.Replace(Normalise(expected), "time [0-9.]+s,", "time Xs,"), Regex.Replace(Normalise(text), "time [0-9.]+s,", "time Xs,"));
    }

    private static void Compare(string name, Action simulate)
    {
        string expected = File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "SimSharpSamples", "Expected", name + ".txt"));
        Assert.Equal(Normalise(expected), Normalise(Capture(simulate)));
    }

    private static string Capture(Action simulate)
    {
        var culture = CultureInfo.CurrentCulture;
        var console = Console.Out;
        var text = new StringWriter(CultureInfo.InvariantCulture);
        try
        {
            CultureInfo.CurrentCulture = CultureInfo.InvariantCulture;
            Console.SetOut(text);
            simulate();
        }
        finally
        {
            Console.SetOut(console);
            CultureInfo.CurrentCulture = culture;
        }
        return text.ToString();
    }

    // Line endings, trailing blank lines, the measured speed ("in 0.06 seconds (678618.5 events/s)"),
    // and calendar dates, which the gas station takes from today: they become days after the first date.
    private static string Normalise(string text)
    {
        text = WallClock().Replace(text.Replace("\r\n", "\n"), "in <wall-clock>").TrimEnd('\n', ' ');
        DateTime? first = null;
        return CalendarDate().Replace(text, m =>
        {
            var date = DateTime.ParseExact(m.Value, "MM/dd/yyyy", CultureInfo.InvariantCulture);
            first ??= date;
            return $"day+{(date - first.Value).Days}";
        });
    }

    [GeneratedRegex(@"\b\d\d/\d\d/\d{4}\b")]
    private static partial Regex CalendarDate();

    [GeneratedRegex(@"in [0-9.E+-]+ seconds \([0-9.E+-]+ events/s\)")]
    private static partial Regex WallClock();
}

[CollectionDefinition(nameof(ConsoleCapture), DisableParallelization = true)]
public sealed class ConsoleCapture;
