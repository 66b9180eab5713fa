using Simulator.Edge;
using Simulator.Edge.Network;

namespace Simulator.Experiments;

/// <summary>
/// The sections every network scenario shares (docs/network.md): the profile (<c>paper</c>: the authors' ranges,
/// links, rate formula and rules; <c>realistic</c>: link bandwidths and latencies, which must be given, and the
/// project's radio), the catalog (any catalog, or <c>generate: pfm</c>), the network, the cloudlets' attribute
/// ranges and the requests. A network kind reads these with it and adds its own: how many requests at once or at
/// which rate, the window, how pulls share the links, and what serves a request. Every value is checked against
/// its domain here, before any run.
/// </summary>
public sealed class NetworkSection
{
    /// <summary>The keys of a network scenario; a kind that runs no site omits <c>cloudlet</c>.</summary>
    public static readonly string[] Keys = { "kind", "profile", "catalog", "network", "cloudlets", "requests", "cloudlet" };

    private static readonly string[] PfmKeys = { "generate", "models", "families", "size", "intensity", "base_blocks", "profile", "activation" };

    private readonly Section s;
    private readonly string baseDirectory;
    private readonly CoordinatesFile? siteFile, userFile;
    private readonly IReadOnlyList<Position>? cloudletSites, userSites;
    private readonly int cloudlets;
    private readonly double area;
    private readonly EdgeRule edges;
    private readonly LinkProfile links;
    private readonly CloudletRanges cloudletRanges;
    private readonly int? copies;
    private readonly CapacityRule capacity;
    private readonly Interval alpha;
    private readonly SourceRule sources;

    /// <summary>Reads the profile, the catalog, the network and the cloudlets.</summary>
    public NetworkSection(Section scenario, string baseDirectory)
    {
        s = scenario;
        this.baseDirectory = baseDirectory;
        Paper = s.Choice("profile", new Dictionary<string, bool> { ["paper"] = true, ["realistic"] = false }, "paper");
        (Catalog, LargestBytes) = ReadCatalog(s, baseDirectory);
        Network = s.Child("network", "cloudlets", "sites", "area", "edges", "k", "links", "copies", "capacity", "capacity_factor", "sources", "queueing", "contention", "window", "inflight");
        cloudlets = Count(Network, "cloudlets", 30);
        var sites = Network.Child("sites", "file", "extend");
        Requests = s.Child("requests", "count", "rate", "users", "uplink", "instructions", "budget", "accuracy_requirement", "input", "accuracy", "output_factor", "context", "penalty");
        siteFile = sites.Has("file") ? CoordinatesFile.Read(Path.Combine(baseDirectory, sites.Text("file")), sites.Required("file")) : null;
        userFile = Requests.Child("users", "file").Has("file") ? CoordinatesFile.Read(Path.Combine(baseDirectory, Requests.Child("users", "file").Text("file")), Requests.Child("users", "file").Required("file")) : null;
        bool extend = sites.Bool("extend", false);
        if (siteFile is not null && cloudlets > siteFile.Rows.Count && !extend)
            throw Network.Required("cloudlets").Error($"{cloudlets} cloudlets, but '{siteFile.Path}' has {siteFile.Rows.Count} sites; give fewer, or network.sites.extend: true to add synthetic sites over the same area.");
        // Both files share one plane: the south-west corner of the sites (or of the users, with synthetic sites).
        var frame = siteFile ?? userFile;
        IReadOnlyList<Position>? Project(CoordinatesFile? f) => f is null || frame is null ? null
            : f.Project(frame.Rows.Min(r => r.Latitude), frame.Rows.Min(r => r.Longitude), frame.Rows.Average(r => r.Latitude));
        cloudletSites = Project(siteFile);
        userSites = Project(userFile);
        double extent = cloudletSites is { } cs ? Math.Max(cs.Max(p => p.X), cs.Max(p => p.Y)) : userSites is { } us ? Math.Max(us.Max(p => p.X), us.Max(p => p.Y)) : 2500;
        area = Network.Quantity("area", UnitKind.Length, extent, Domain.Positive);
        edges = Network.Text("edges", "random-connected") switch
        {
            "random-connected" => new RandomConnectedEdges(),
            "k-nearest" => new KNearestEdges(Count(Network, "k", 3)),
            var t => throw Network.Required("edges").Error($"'{t}' is not an edge rule; known: random-connected, k-nearest.{Spelling.Hint(t, new[] { "random-connected", "k-nearest" })}"),
        };
        links = ReadLinks(Network, Paper);
        cloudletRanges = ReadCloudletRanges(s.Child("cloudlets", "capacity", "processing_rate", "access_rate", "peak_power", "idle_power", "leak_power", "tx_power", "arrival_rate", "service_rate"));
        copies = Network.Has("copies") ? Count(Network, "copies", 1) : null;
        capacity = Network.Choice("capacity", new Dictionary<string, CapacityRule> { ["per-request"] = CapacityRule.PerRequest, ["aggregated"] = CapacityRule.Aggregated }, Paper ? "per-request" : "aggregated");
        alpha = Range(Network, "capacity_factor", new Interval(0, 1), d => d.Number(), "", 0, false);
        sources = Network.Choice("sources", new Dictionary<string, SourceRule> { ["cloudlets"] = SourceRule.Cloudlets, ["all"] = SourceRule.All }, Paper ? "cloudlets" : "all");
    }

    /// <summary>The authors' profile (true) or the realistic one.</summary>
    public bool Paper { get; }

    /// <summary>Builds the catalog of a replication from its stream (a pfm catalog is drawn anew each time; any other is read once).</summary>
    public Func<Random, Catalog> Catalog { get; }

    /// <summary>The most bytes a model of the catalog can have.</summary>
    public double LargestBytes { get; }

    /// <summary>The <c>network</c> section: a kind reads its window, pulls and queue from it.</summary>
    public Section Network { get; }

    /// <summary>The <c>requests</c> section: a kind reads how many or how fast.</summary>
    public Section Requests { get; }

    /// <summary>The cloudlets' drawn capacities C_i in GB.</summary>
    public Interval CapacityGB => cloudletRanges.CapacityGB;

    /// <summary>How concurrent pulls share the links: fair-share needs the realistic profile's bandwidths.</summary>
    public Contention Contention(bool overTime)
    {
        var contention = Network.Choice("contention", overTime ? new Dictionary<string, Contention> { ["none"] = Edge.Network.Contention.None, ["fair-share"] = Edge.Network.Contention.FairShare } : new Dictionary<string, Contention> { ["none"] = Edge.Network.Contention.None }, "none");
        if (contention == Edge.Network.Contention.FairShare && Paper)
            throw Network.Required("contention").Error("fair-share needs links with a bandwidth: use profile: realistic (the paper's per-GB times add per link and have no bandwidth to share).");
        return contention;
    }

    /// <summary>How a cloudlet's inference queue is modelled; one window at t = 0 has no queue to simulate.</summary>
    public Queueing Queueing(bool overTime) =>
        Network.Choice("queueing", overTime ? new Dictionary<string, Queueing> { ["analytic"] = Edge.Network.Queueing.Analytic, ["simulated"] = Edge.Network.Queueing.Simulated } : new Dictionary<string, Queueing> { ["analytic"] = Edge.Network.Queueing.Analytic }, "analytic");

    /// <summary>The window a strategy plans (0: each request on arrival) and what a decision does about a part on its way.</summary>
    public (double WindowSeconds, Inflight Inflight) Window() =>
        (Network.Quantity("window", UnitKind.Time, 10, Domain.NonNegative),
         Network.Choice("inflight", new Dictionary<string, Inflight> { ["pull-again"] = Inflight.PullAgain, ["join"] = Inflight.Join }, "pull-again"));

    /// <summary>The users' rate to their cloudlet: the paper's formula, or the project's radio under the realistic profile.</summary>
    public UplinkRate UserUplink() => Paper
        ? Requests.Choice("uplink", new Dictionary<string, UplinkRate> { ["paper"] = new PaperRate() }, "paper")
        : new RadioRate(SiteSections.ReadUplink(Requests.Child("uplink", SiteSections.UplinkKeys), Requests.Child("downlink_unused"), baseDirectory));

    /// <summary>
    /// The world the network is drawn from: its cloudlets and links as read, the request ranges, the users' rate
    /// (<paramref name="uplink"/>) and context, checked against the catalog (some model meets the accuracy
    /// requirements, some model fits a cloudlet under the per-request row).
    /// </summary>
    public NetworkWorldSpec World(UplinkRate uplink)
    {
        var users = Requests;
        var q = new RequestRanges();
        var requestRanges = new RequestRanges
        {
            Instructions = Range(users, "instructions", q.Instructions, d => d.Integer(), "", 0, true, integer: true),
            Budget = Range(users, "budget", q.Budget, d => d.Number(), "", 0, true),
            AccuracyRequirement = Range(users, "accuracy_requirement", q.AccuracyRequirement, d => d.Number(), "", 0, false, upper: 1),
            InputGB = Range(users, "input", q.InputGB, d => d.Quantity(UnitKind.Bytes) / Edge.Units.GB, " GB", 0, false, scale: Edge.Units.GB),
            Accuracy = Range(users, "accuracy", q.Accuracy, d => d.Number(), "", 0, true, upper: 1),
            OutputFactor = Range(users, "output_factor", q.OutputFactor, d => d.Number(), "", 0, false),
        };
        var probe = Catalog(new Random(0));
        double best = probe.Models.All(m => m.Accuracy is not null) ? probe.Models.Max(m => m.Accuracy!.Value) : requestRanges.Accuracy.Max;
        if (requestRanges.AccuracyRequirement.Min > best)
            throw (users.Raw("accuracy_requirement") ?? users.Doc).Error($"no model meets an accuracy requirement of {requestRanges.AccuracyRequirement.Min}: the best accuracy is {best}.");
        // An empty candidate set for every request: under the per-request row no model fits the largest cloudlet even at the smallest alpha.
        double smallest = probe.Models.Min(m => probe.Bytes(m)) / Edge.Units.GB;
        if (capacity == CapacityRule.PerRequest && alpha.Min * smallest > cloudletRanges.CapacityGB.Max)
            throw (Network.Raw("capacity_factor") ?? s.Child("cloudlets").Raw("capacity") ?? Network.Doc).Error(
                $"no model fits any cloudlet: the smallest model takes alpha |M| = {alpha.Min} x {smallest:0.###} GB against at most {cloudletRanges.CapacityGB.Max} GB of capacity.");
        var context = ReadContext(users);
        if (siteFile is not null) Network.Child("sites", "file", "extend").Record("sha256", siteFile.Hash);
        if (userFile is not null) users.Child("users", "file").Record("sha256", userFile.Hash);
        return new NetworkWorldSpec
        {
            Cloudlets = cloudlets,
            CloudletSites = cloudletSites,
            UserSites = userSites,
            AreaMetres = area,
            Edges = edges,
            Links = links,
            Uplink = uplink,
            CloudletRanges = cloudletRanges,
            RequestRanges = requestRanges,
            MaxCopies = copies,
            CapacityFactor = alpha,
            Capacity = capacity,
            Sources = sources,
            Context = context,
        };
    }

    /// <summary>The online penalty's weights: <c>requests.penalty: {xi, delay_unit}</c>.</summary>
    public PenaltySpec Penalty()
    {
        var penalty = Requests.Child("penalty", "xi", "delay_unit");
        double xi = penalty.Number("xi", 0.98, Domain.NonNegative), unit = penalty.Quantity("delay_unit", UnitKind.Time, 100, Domain.Positive);
        if (xi > 1) throw penalty.Required("xi").Error($"xi weighs accuracy against delay: from 0 to 1, not {xi}.");
        return new PenaltySpec(xi, unit);
    }

    /// <summary>A count: a whole number from 1 to 10^7.</summary>
    public static int Count(Section owner, string key, int fallback) => (int)owner.Integer(key, fallback, 1, 10_000_000);

    /// <summary>requests.context: none (the default), {model: paper, features: N}, or {model: latent, features: N, types, informative, noise}.</summary>
    private static ContextModel? ReadContext(Section users)
    {
        var c = users.Child("context", "model", "features", "types", "informative", "noise");
        string model = c.Choice("model", new Dictionary<string, string> { ["none"] = "none", ["paper"] = "paper", ["latent"] = "latent" }, "none");
        if (model == "none") return null;
        int features = Count(c, "features", 50);
        if (model == "paper") return new PaperContext(features);
        int types = Count(c, "types", 5), informative = Count(c, "informative", 5);
        if (informative > features) throw c.Required("informative").Error($"{informative} informative features of {features}.");
        double noise = c.Number("noise", 0.3, Domain.NonNegative);
        var accuracy = Range(users, "accuracy", new Interval(0.4, 1), d => d.Number(), "", 0, true, upper: 1);
        return new LatentContext(features, types, informative, noise, accuracy.Min, accuracy.Max);
    }

    /// <summary>A pfm catalog is drawn per replication from the stream it is given; any other catalog is read once. With the most bytes a model of it can have.</summary>
    private static (Func<Random, Catalog> Catalog, double LargestBytes) ReadCatalog(Section s, string baseDirectory)
    {
        var raw = s.Child("catalog");
        if (raw.Text("generate", "") != "pfm")
        {
            var fixedCatalog = SiteSections.ReadCatalog(s.Child("catalog", SiteSections.CatalogSectionKeys), baseDirectory);
            return (_ => fixedCatalog, fixedCatalog.Models.Max(m => (double)fixedCatalog.Bytes(m)));
        }
        var c = s.Child("catalog", PfmKeys);
        c.Text("generate");
        int models = Count(c, "models", 10);
        int families = Count(c, "families", 1);
        if (families > models) throw c.Required("families").Error($"{families} families for {models} models: a family needs at least one model.");
        var size = Range(c, "size", new Interval(5, 20), d => d.Quantity(UnitKind.Bytes) / Edge.Units.GB, " GB", 0, true, scale: Edge.Units.GB);
        var intensity = Range(c, "intensity", new Interval(100, 300), d => d.Number(), "", 0, true);
        int blocks = Count(c, "base_blocks", 1);
        // The GPU profile matters only where a cloudlet runs a site; the analytic network reads phi.
        var profile = c.Raw("profile") is { } p ? CatalogYaml.ReadProfile(p) : new AffineProfile(0, 0);
        long activation = (long)c.Quantity("activation", UnitKind.Bytes, 0);
        var spec = new PfmSpec(models, families, size.Min, size.Max, intensity.Min, intensity.Max, blocks);
        PfmGenerator.Build(spec, profile, activation, new Random(0)); // a spec that cannot build is refused here, not in a run
        return (rng => PfmGenerator.Build(spec, profile, activation, rng), size.Max * Edge.Units.GB);
    }

    private static LinkProfile ReadLinks(Section net, bool paper)
    {
        if (paper)
        {
            var l = net.Child("links", "metro", "backhaul");
            var metro = Range(l, "metro", new Interval(5, 10), d => d.Quantity(UnitKind.TimePerSize) * Edge.Units.GB, " s/GB", 0, true, scale: 1 / Edge.Units.GB);
            var backhaul = Range(l, "backhaul", new Interval(10, 20), d => d.Quantity(UnitKind.TimePerSize) * Edge.Units.GB, " s/GB", 0, true, scale: 1 / Edge.Units.GB);
            return new PaperLinks(metro.Min, metro.Max, backhaul.Min, backhaul.Max);
        }
        if (!net.Has("links")) throw net.Doc.Error("the realistic profile needs links: {metro: {bandwidth, latency}, backhaul: {bandwidth, latency}}, each value with its source in your file.");
        var links = net.Child("links", "metro", "backhaul");
        (double Rate, double Latency) Class(string key)
        {
            var c = links.Child(key, "bandwidth", "latency");
            return (c.Quantity("bandwidth", UnitKind.ByteRate, null, Domain.Positive), c.Quantity("latency", UnitKind.Time, null, Domain.NonNegative));
        }
        var (mr, ml) = Class("metro");
        var (br, bl) = Class("backhaul");
        return new RealisticLinks(mr, ml, br, bl);
    }

    private static CloudletRanges ReadCloudletRanges(Section c)
    {
        var d = new CloudletRanges();
        var capacity = Range(c, "capacity", d.CapacityGB, x => x.Quantity(UnitKind.Bytes) / Edge.Units.GB, " GB", 0, true, scale: Edge.Units.GB);
        if (capacity.Min != Math.Floor(capacity.Min) || capacity.Max != Math.Floor(capacity.Max))
            throw c.Required("capacity").Error($"capacities are drawn in whole GB as the authors draw them (randint); {capacity} GB is not.");
        return new CloudletRanges
        {
            CapacityGB = capacity,
            ProcessingRate = Range(c, "processing_rate", d.ProcessingRate, x => x.Number(), "", 0, true),
            AccessRate = Range(c, "access_rate", d.AccessRate, x => x.Number(), "", 0, false),
            PeakPower = Range(c, "peak_power", d.PeakPower, x => x.Quantity(UnitKind.Power), " W", 0, false),
            IdlePower = Range(c, "idle_power", d.IdlePower, x => x.Quantity(UnitKind.Power), " W", 0, false),
            LeakPower = Range(c, "leak_power", d.LeakPower, x => x.Quantity(UnitKind.Power), " W", 0, false),
            TxPower = Range(c, "tx_power", d.TxPower, x => x.Quantity(UnitKind.Power), " W", 0, false),
            ArrivalRate = Range(c, "arrival_rate", d.ArrivalRate, x => x.Quantity(UnitKind.PerSecond), " /s", 0, false),
            ServiceRate = Range(c, "service_rate", d.ServiceRate, x => x.Quantity(UnitKind.PerSecond), " /s", 0, true),
        };
    }

    /// <summary>
    /// One value or {min, max}, read by <paramref name="read"/> (into the unit the world keeps, e.g. GB) and
    /// checked: finite, min &lt;= max, at least <paramref name="lowest"/> (strictly above it when
    /// <paramref name="positive"/>), at most <paramref name="upper"/>. The resolved config records SI values
    /// (<paramref name="scale"/> converts back).
    /// </summary>
    private static Interval Range(Section owner, string key, Interval fallback, Func<YamlDoc, double> read, string unit, double lowest, bool positive,
        double upper = double.PositiveInfinity, double scale = 1, bool integer = false)
    {
        var doc = owner.Raw(key);
        Interval value;
        if (doc is null) value = fallback;
        else if (doc.IsMapping)
        {
            var m = doc.Mapping("min", "max");
            if (!m.ContainsKey("min") || !m.ContainsKey("max")) throw doc.Error($"'{key}' as a range needs both min and max.");
            value = new Interval(read(m["min"]), read(m["max"]));
            if (value.Min > value.Max) throw doc.Error($"'{key}' has min {value.Min}{unit} above max {value.Max}{unit}.");
        }
        else value = Interval.Fixed(read(doc));
        var at = doc ?? owner.Doc;
        foreach (double v in new[] { value.Min, value.Max })
        {
            if (!double.IsFinite(v)) throw at.Error($"'{key}' must be finite, not {v}.");
            if (positive ? !(v > lowest) : !(v >= lowest)) throw at.Error($"'{key}' must be {(positive ? "above" : "at least")} {lowest}{unit}, not {v}{unit}.");
            if (v > upper) throw at.Error($"'{key}' must be at most {upper}{unit}, not {v}{unit}.");
            if (integer && v != Math.Floor(v)) throw at.Error($"'{key}' is a whole number, not {v}.");
        }
        owner.Record(key, value.Min == value.Max ? R(value.Min * scale) : $"{{min: {R(value.Min * scale)}, max: {R(value.Max * scale)}}}");
        return value;
    }

    private static string R(double v) => v.ToString("R", System.Globalization.CultureInfo.InvariantCulture);
}
