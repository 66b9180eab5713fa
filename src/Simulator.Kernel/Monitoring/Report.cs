using System.Globalization;

namespace Simulator.Kernel;

/// <summary>
/// A table of monitor figures written as the run goes (SimSharp's <c>Report</c>): one row per update,
/// per period, on demand, or once at the end; a column per monitor and measure. Built with
/// <see cref="CreateBuilder"/>.
/// </summary>
public sealed class Report
{
    [Flags]
    public enum Measures { Min = 1, Max = 2, Sum = 4, Mean = 8, StdDev = 16, Last = 32, All = 63 }

    private enum UpdateType { Auto, Manual, Periodic, Summary }

    private static readonly (Measures Measure, string Suffix, Func<INumericMonitor, double> Read)[] Columns =
    [
        (Measures.Min, ".Min", m => m.Min),
        (Measures.Max, ".Max", m => m.Max),
        (Measures.Sum, ".Sum", m => m.Sum),
        (Measures.Mean, ".Mean", m => m.Mean),
        (Measures.StdDev, ".StdDev", m => m.StdDev),
        (Measures.Last, ".Last", m => m.Last),
    ];

    private readonly Simulation environment;
    private readonly List<(string Name, INumericMonitor Monitor, Measures Measure)> keys = new();
    private UpdateType updateType = UpdateType.Auto;
    private TimeSpan period;
    private bool withHeaders = true;
    private string separator = CultureInfo.CurrentCulture.TextInfo.ListSeparator;
    private bool useDoubleTime;
    private DateTime lastUpdate;
    private double[] lastFigures = [];
    private bool firstUpdate, headerWritten;

    private Report(Simulation environment)
    {
        this.environment = environment;
    }

    public TextWriter Output { get; set; } = Console.Out;

    public static Builder CreateBuilder(Simulation env) => new(env);

    /// <summary>Writes a row now; only in manual mode.</summary>
    public void Update()
    {
        if (updateType != UpdateType.Manual) throw new InvalidOperationException("Update may only be called in manual update mode.");
        DoUpdate();
    }

    public void WriteHeader()
    {
        Output.Write("Time");
        foreach (var (name, _, measure) in keys)
            foreach (var column in Columns)
                if ((measure & column.Measure) == column.Measure)
                {
                    Output.Write(separator);
                    Output.Write(name + column.Suffix);
                }
        Output.WriteLine();
    }

    private void Initialize()
    {
        environment.RunStarted += (_, _) => OnRunStarted();
        environment.RunFinished += (_, _) => OnRunFinished();
        if (updateType == UpdateType.Auto)
            foreach (var key in keys) key.Monitor.Updated += (_, _) => DoUpdate();
    }

    private void OnRunStarted()
    {
        lastFigures = new double[keys.Sum(k => Columns.Count(c => (k.Measure & c.Measure) == c.Measure))];
        lastUpdate = environment.Now;
        firstUpdate = true;
        headerWritten = false;
        if (updateType == UpdateType.Periodic) environment.Process(Periodic());
        else if (updateType == UpdateType.Auto) DoUpdate();
    }

    private void OnRunFinished()
    {
        if (updateType is UpdateType.Periodic or UpdateType.Summary) DoUpdate();
        if (updateType == UpdateType.Summary && withHeaders) WriteHeader();
        WriteLastFigures();
        Output.Flush();
    }

    // A row is written for the figures taken at the previous update, and only once time has passed since
    // then, so that updates at one instant give one row.
    private void DoUpdate()
    {
        if (updateType != UpdateType.Summary && !firstUpdate && environment.Now > lastUpdate)
        {
            if (!headerWritten && withHeaders)
            {
                WriteHeader();
                headerWritten = true;
            }
            WriteLastFigures();
        }
        lastUpdate = environment.Now;
        int col = 0;
        foreach (var (_, monitor, measure) in keys)
            foreach (var column in Columns)
                if ((measure & column.Measure) == column.Measure) lastFigures[col++] = column.Read(monitor);
        firstUpdate = false;
    }

    private void WriteLastFigures()
    {
        if (useDoubleTime) Output.Write(environment.ToDouble(lastUpdate - environment.StartDate));
        else Output.Write(lastUpdate.ToString(CultureInfo.CurrentCulture));
        foreach (var figure in lastFigures)
        {
            Output.Write(separator);
            Output.Write(figure);
        }
        Output.WriteLine();
    }

    private IEnumerable<Event> Periodic()
    {
        while (true)
        {
            DoUpdate();
            yield return environment.Timeout(period);
        }
    }

    public sealed class Builder
    {
        private readonly Simulation environment;
        private Report instance;

        public Builder(Simulation env)
        {
            environment = env ?? throw new ArgumentNullException(nameof(env));
            instance = new Report(env);
        }

        public Builder Add(string name, INumericMonitor statistics, Measures measure = Measures.All)
        {
            if (string.IsNullOrEmpty(name)) throw new ArgumentException("Name must be a non-empty string.", nameof(name));
            ArgumentNullException.ThrowIfNull(statistics);
            if (measure == 0 || measure > Measures.All) throw new ArgumentException("No measures have been selected.", nameof(measure));
            instance.keys.Add((name, statistics, measure));
            return this;
        }

        public Builder SetAutoUpdate(bool withHeaders = true) => Set(UpdateType.Auto, withHeaders);

        public Builder SetManualUpdate(bool withHeaders = true) => Set(UpdateType.Manual, withHeaders);

        public Builder SetPeriodicUpdate(TimeSpan interval, bool withHeaders = true)
        {
            if (interval <= TimeSpan.Zero) throw new ArgumentException("Interval must be > 0.", nameof(interval));
            instance.period = interval;
            return Set(UpdateType.Periodic, withHeaders);
        }

        public Builder SetPeriodicUpdateD(double interval, bool withHeaders = true)
        {
            if (!(interval > 0)) throw new ArgumentException("Interval must be > 0.", nameof(interval));
            instance.period = environment.ToTimeSpan(interval);
            return Set(UpdateType.Periodic, withHeaders);
        }

        /// <summary>One row at the end of each run.</summary>
        public Builder SetFinalUpdate(bool withHeaders = true) => Set(UpdateType.Summary, withHeaders);

        /// <summary>Time as default steps (true) or as a date (false, the default).</summary>
        public Builder SetTimeAPI(bool useDApi = true)
        {
            instance.useDoubleTime = useDApi;
            return this;
        }

        public Builder SetOutput(TextWriter output)
        {
            instance.Output = output ?? throw new ArgumentNullException(nameof(output));
            return this;
        }

        public Builder SetSeparator(string? separator)
        {
            instance.separator = separator ?? string.Empty;
            return this;
        }

        public Report Build()
        {
            if (instance.keys.Count == 0) throw new InvalidOperationException("Nothing to build: no monitors have been added to the builder.");
            var result = instance;
            instance = new Report(environment);
            result.Initialize();
            return result;
        }

        private Builder Set(UpdateType type, bool withHeaders)
        {
            instance.updateType = type;
            instance.withHeaders = withHeaders;
            return this;
        }
    }
}
