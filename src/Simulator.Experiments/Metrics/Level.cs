namespace Simulator.Experiments;

/// <summary>
/// A quantity that changes over simulated time (a queue's length, memory in use), declared once: its name in a
/// <c>timeseries</c> plot's <c>y</c>, its words in titles and axes, its unit, and what it is. A traced run keeps it
/// as one mean per window (<see cref="RunTrace.Levels"/>, by name); a scenario kind's time series offers the levels
/// its world has, and the plot's check, <c>list metrics</c> and the reference read them from there.
/// </summary>
public sealed record Level(string Name, string Words, MetricUnit Unit, string Definition);
