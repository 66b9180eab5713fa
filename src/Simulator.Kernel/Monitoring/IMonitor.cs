namespace Simulator.Kernel;

/// <summary>Something that watches a quantity during a run and can say what it saw (SimSharp's monitor interfaces).</summary>
public interface IMonitor
{
    /// <summary>While false, new observations are ignored.</summary>
    bool Active { get; set; }

    string Name { get; }

    /// <summary>A table of the statistics, and a histogram when the values are collected.</summary>
    string Summarize();

    /// <summary>Raised after every observation.</summary>
    event EventHandler Updated;
}

public interface INumericMonitor : IMonitor
{
    bool Collect { get; }

    double Min { get; }

    double Max { get; }

    double Sum { get; }

    double Mean { get; }

    double StdDev { get; }

    double Last { get; }

    double GetMedian();

    /// <summary>The p-quantile, p in [0, 1]; NaN unless the values are collected.</summary>
    double GetPercentile(double p);
}

/// <summary>Observations that each count once (waiting times, lead times).</summary>
public interface ISampleMonitor : INumericMonitor
{
    void Add(double value);

    IEnumerable<double> Samples { get; }
}

/// <summary>A level that holds over time (queue length, utilisation), weighted by how long it held.</summary>
public interface ITimeSeriesMonitor : INumericMonitor
{
    void Increase(double value);

    void Decrease(double value);

    void UpdateTo(double value);
}
