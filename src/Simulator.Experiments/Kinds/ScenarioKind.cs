using System.Globalization;

namespace Simulator.Experiments;

/// <summary>
/// A scenario kind, declared once: its name in <c>scenario.kind</c>, what it is, the keys of its scenario section,
/// the metrics its runs report, the plots it offers and the strategies it runs. The reader, validation, the
/// runner, the report, the plots, <c>list</c> and the reference read this declaration; a new kind is a subclass in
/// a folder of its own and one line in the registration (<see cref="ScenarioKinds"/>), or a class in a plugin.
/// </summary>
public abstract class ScenarioKind
{
    /// <summary>The <c>scenario.kind</c> value.</summary>
    public abstract string Name { get; }

    /// <summary>One sentence: what it simulates (<c>list kinds</c>, the reference).</summary>
    public abstract string Description { get; }

    /// <summary>The keys its scenario section takes, <c>kind</c> first, each declared once with its type, default and help.</summary>
    public abstract SectionSchema Section { get; }

    public abstract MetricSet Metrics { get; }

    /// <summary>The plots it offers, in the order <c>list kinds</c> shows them.</summary>
    public abstract IReadOnlyList<PlotKind> Plots { get; }

    /// <summary>Its time series, when its runs keep levels over simulated time: the levels a <c>timeseries</c> plot may show (<c>list metrics</c>, the reference).</summary>
    public TimeSeriesPlot? TimeSeries => Plots.OfType<TimeSeriesPlot>().FirstOrDefault();

    public abstract StrategySlots Strategies { get; }

    /// <summary>The decision an outside policy can take in this kind's scenarios (an environment, an <c>external</c> strategy), in words; null: none.</summary>
    public virtual string? Decision => null;

    /// <summary>How its runs pass time, in words (<c>list kinds</c>, the reference).</summary>
    public virtual string Time => "over the horizon, measured after the warm-up";

    /// <summary>The experiment's run length as report.md states it.</summary>
    public virtual string LengthInWords(RunLength length) =>
        string.Create(CultureInfo.InvariantCulture, $"horizon {length.HorizonSeconds} s, warm-up {length.WarmupSeconds} s");

    /// <summary>Why a warm-up of <paramref name="seconds"/> cannot apply to its runs (the reader refuses it at the key); null when it can.</summary>
    public virtual string? WarmupRefusal(double seconds) => null;

    /// <summary>Why its runs cannot be traced; null when they can (its scenarios are <see cref="ITimelineScenario"/>).</summary>
    public virtual string? TraceRefusal => $"a trace records the requests and batches of a simulated site; a {Name} scenario has none";

    /// <summary>Binds the scenario section at one sweep point (values checked here, before any run).</summary>
    public abstract IScenario Read(Section scenario, ReadContext context);

    public override string ToString() => Name;
}
