using Simulator.Edge;
using Simulator.Edge.Network;

namespace Simulator.Experiments;

/// <summary>
/// Binds a network scenario (<c>kind: network-one-shot</c>, one window at t = 0, or <c>kind: network</c>,
/// requests over the horizon planned every window): the profile (<c>paper</c>: the authors' ranges,
/// links, rate formula and rules; <c>realistic</c>: link bandwidths and latencies, which must be given, and the
/// project's radio), the catalog (any catalog, or <c>generate: pfm</c>), the network, the cloudlets' attribute
/// ranges and the requests. Every value is checked against its domain here, before any run.
/// </summary>
public static class NetworkScenarioReader
{
    public static readonly string[] Keys = { "kind", "profile", "catalog", "network", "cloudlets", "requests", "cloudlet" };

    private static readonly string[] CellKeys = ScenarioReader.SiteAndCellKeys.Append("storage").ToArray();

    private static readonly string[] PfmKeys = { "generate", "models", "families", "size", "intensity", "base_blocks", "profile", "activation" };

    public static IScenario Read(Section s, string baseDirectory, bool stochastic)
    {
        bool paper = s.Choice("profile", new Dictionary<string, bool> { ["paper"] = true, ["realistic"] = false }, "paper");
        var (catalog, largest) = ReadCatalog(s, baseDirectory);
        bool sited = s.Has("cloudlet");
        if (sited && !stochastic) throw (s.Raw("kind") ?? s.Doc).Error("cloudlets that run sites (the 'cloudlet' section) serve requests over time: use kind: network.");
        var net = s.Child("network", "cloudlets", "sites", "area", "edges", "k", "links", "copies", "capacity", "capacity_factor", "sources", "queueing", "contention", "window", "inflight");
        int cloudlets = Count(net, "cloudlets", 30);
        var sites = net.Child("sites", "file", "extend");
        var users = s.Child("requests", "count", "rate", "users", "uplink", "instructions", "budget", "accuracy_requirement", "input", "accuracy", "output_factor", "context", "penalty");
        var siteFile = sites.Has("file") ? CoordinatesFile.Read(Path.Combine(baseDirectory, sites.Text("file")), sites.Required("file")) : null;
        var userFile = users.Child("users", "file").Has("file") ? CoordinatesFile.Read(Path.Combine(baseDirectory, users.Child("users", "file").Text("file")), users.Child("users", "file").Required("file")) : null;
        bool extend = sites.Bool("extend", false);
        if (siteFile is not null && cloudlets > siteFile.Rows.Count && !extend)
            throw net.Required("cloudlets").Error($"{cloudlets} cloudlets, but '{siteFile.Path}' has {siteFile.Rows.Count} sites; give fewer, or network.sites.extend: true to add synthetic sites over the same area.");
        // Both files share one plane: the south-west corner of the sites (or of the users, with synthetic sites).
        var frame = siteFile ?? userFile;
        IReadOnlyList<Position>? Project(CoordinatesFile? f) => f is null || frame is null ? null
            : f.Project(frame.Rows.Min(r => r.Latitude), frame.Rows.Min(r => r.Longitude), frame.Rows.Average(r => r.Latitude));
        var cloudletSites = Project(siteFile);
        var userSites = Project(userFile);
        double extent = cloudletSites is { } cs ? Math.Max(cs.Max(p => p.X), cs.Max(p => p.Y)) : userSites is { } us ? Math.Max(us.Max(p => p.X), us.Max(p => p.Y)) : 2500;
        double area = net.Quantity("area", UnitKind.Length, extent, Domain.Positive);

        EdgeRule edges = net.Text("edges", "random-connected") switch
        {
            "random-connected" => new RandomConnectedEdges(),
            "k-nearest" => new KNearestEdges(Count(net, "k", 3)),
            var t => throw net.Required("edges").Error($"'{t}' is not an edge rule; known: random-connected, k-nearest.{Spelling.Hint(t, new[] { "random-connected", "k-nearest" })}"),
        };
        var links = ReadLinks(net, paper);
        var cloudletRanges = ReadCloudletRanges(s.Child("cloudlets", "capacity", "processing_rate", "access_rate", "peak_power", "idle_power", "leak_power", "tx_power", "arrival_rate", "service_rate"));
        int? copies = net.Has("copies") ? Count(net, "copies", 1) : null;
        var capacity = net.Choice("capacity", new Dictionary<string, CapacityRule> { ["per-request"] = CapacityRule.PerRequest, ["aggregated"] = CapacityRule.Aggregated }, paper ? "per-request" : "aggregated");
        var alpha = Range(net, "capacity_factor", new Interval(0, 1), d => d.Number(), "", 0, false);
        var sources = net.Choice("sources", new Dictionary<string, SourceRule> { ["cloudlets"] = SourceRule.Cloudlets, ["all"] = SourceRule.All }, paper ? "cloudlets" : "all");
        if (sited && net.Has("queueing")) throw net.Required("queueing").Error("in a network of sites each cloudlet's site queues and serves its requests: 'queueing' is the paper's inference model, for a network without 'cloudlet'.");
        // One window at t = 0 has no queue to simulate and no flows over time: the paper's terms hold there.
        var queueing = net.Choice("queueing", stochastic ? new Dictionary<string, Queueing> { ["analytic"] = Queueing.Analytic, ["simulated"] = Queueing.Simulated } : new Dictionary<string, Queueing> { ["analytic"] = Queueing.Analytic }, "analytic");
        var contention = net.Choice("contention", stochastic ? new Dictionary<string, Contention> { ["none"] = Contention.None, ["fair-share"] = Contention.FairShare } : new Dictionary<string, Contention> { ["none"] = Contention.None }, "none");
        if (contention == Contention.FairShare && paper)
            throw net.Required("contention").Error("fair-share needs links with a bandwidth: use profile: realistic (the paper's per-GB times add per link and have no bandwidth to share).");
        // A window of 0 plans each request alone when it arrives.
        double window = stochastic ? net.Quantity("window", UnitKind.Time, 10, Domain.NonNegative) : 0;
        var inflight = stochastic ? net.Choice("inflight", new Dictionary<string, Inflight> { ["pull-again"] = Inflight.PullAgain, ["join"] = Inflight.Join }, "pull-again") : Inflight.PullAgain;
        if (!stochastic && net.Has("inflight")) throw net.Required("inflight").Error("a network-one-shot scenario is one window at t = 0, with no pull under way: 'inflight' belongs to kind: network.");
        if (!stochastic && net.Has("window")) throw net.Required("window").Error("a network-one-shot scenario is one window at t = 0: 'window' belongs to kind: network.");

        int requests = stochastic ? 0 : Count(users, "count", 100);
        foreach (var key in new[] { "rate", "users", "uplink", "input" })
            if (sited && users.Has(key))
                throw users.Required(key).Error($"in a network of sites requests arrive in the cloudlets' cells: their arrivals, users, radio and inputs are cloudlet.arrivals and cloudlet.uplink, not requests.{key}.");
        double rate = stochastic && !sited ? users.Quantity("rate", UnitKind.PerSecond, null, Domain.Positive) : 0;
        if (stochastic && users.Has("count")) throw users.Required("count").Error("requests over the horizon come at a 'rate'; 'count' is the one-shot window's size.");
        if (!stochastic && users.Has("rate")) throw users.Required("rate").Error("a network-one-shot window has a 'count' of requests; 'rate' belongs to kind: network.");
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
        UplinkRate uplink = sited ? new PaperRate() // unread: a cell gives each request its user's rate
            : paper
            ? users.Choice("uplink", new Dictionary<string, UplinkRate> { ["paper"] = new PaperRate() }, "paper")
            : new RadioRate(ScenarioReader.ReadUplink(users.Child("uplink", ScenarioReader.UplinkKeys), users.Child("downlink_unused"), baseDirectory));
        var probe = catalog(new Random(0));
        double best = probe.Models.All(m => m.Accuracy is not null) ? probe.Models.Max(m => m.Accuracy!.Value) : requestRanges.Accuracy.Max;
        if (requestRanges.AccuracyRequirement.Min > best)
            throw (users.Raw("accuracy_requirement") ?? users.Doc).Error($"no model meets an accuracy requirement of {requestRanges.AccuracyRequirement.Min}: the best accuracy is {best}.");

        // An empty candidate set for every request: under the per-request row no model fits the largest cloudlet even at the smallest alpha.
        double smallest = probe.Models.Min(m => probe.Bytes(m)) / Edge.Units.GB;
        if (capacity == CapacityRule.PerRequest && alpha.Min * smallest > cloudletRanges.CapacityGB.Max)
            throw (net.Raw("capacity_factor") ?? s.Child("cloudlets").Raw("capacity") ?? net.Doc).Error(
                $"no model fits any cloudlet: the smallest model takes alpha |M| = {alpha.Min} x {smallest:0.###} GB against at most {cloudletRanges.CapacityGB.Max} GB of capacity.");
        var context = ReadContext(users);
        var penaltySection = users.Child("penalty", "xi", "delay_unit");
        double xi = penaltySection.Number("xi", 0.98, Domain.NonNegative), unit = penaltySection.Quantity("delay_unit", UnitKind.Time, 100, Domain.Positive);
        if (xi > 1) throw penaltySection.Required("xi").Error($"xi weighs accuracy against delay: from 0 to 1, not {xi}.");
        var world = new NetworkWorldSpec
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
        if (siteFile is not null) sites.Record("sha256", siteFile.Hash);
        if (sited)
        {
            var cell = s.Child("cloudlet", CellKeys);
            if (s.Child("catalog").Text("generate", "") == "pfm" && !s.Child("catalog").Has("profile"))
                throw s.Child("catalog").Doc.Error("a network of sites runs every model on the cloudlets' GPUs: a pfm catalog needs 'profile' (the inference time per batch size, with its source).");
            var (siteSpec, workload) = ScenarioReader.ReadSiteAndWorkload(cell, probe, baseDirectory);
            // The site's reader checked the probe's models; a pfm catalog's models of another replication may be larger.
            long activation = probe.Models.Max(m => m.ActivationBytesPerSample);
            if (largest + activation > siteSpec.GpuBytes)
                throw (cell.Child("site").Raw("gpu") ?? cell.Doc).Error(string.Create(System.Globalization.CultureInfo.InvariantCulture,
                    $"the catalog's models reach {largest / Edge.Units.GB:0.###} GB, and {activation / Edge.Units.GB:0.###} GB of activations for one request, more than the cloudlets' GPU memory of {siteSpec.GpuBytes / Edge.Units.GB:0.###} GB."));
            double? storage = cell.Has("storage") ? cell.Quantity("storage", UnitKind.Bytes, null, Domain.Positive) : null;
            double room = storage ?? cloudletRanges.CapacityGB.Min * Edge.Units.GB;
            if (largest > room)
                throw (cell.Raw("storage") ?? s.Child("cloudlets").Raw("capacity") ?? cell.Doc).Error(string.Create(System.Globalization.CultureInfo.InvariantCulture,
                    $"a cloudlet's disk of {room / Edge.Units.GB:0.###} GB cannot hold the catalog's largest model ({largest / Edge.Units.GB:0.###} GB): {(storage is null ? "raise cloudlets.capacity or give cloudlet.storage" : "raise cloudlet.storage")}."));
            return new SiteNetworkScenario(catalog, world, new NetworkProcessSpec(0, window, Queueing.Analytic, contention) { Inflight = inflight }, new PenaltySpec(xi, unit), siteSpec, workload, storage);
        }
        if (userFile is not null) users.Child("users", "file").Record("sha256", userFile.Hash);
        return stochastic ? new StochasticNetworkScenario(catalog, world, new NetworkProcessSpec(rate, window, queueing, contention) { Inflight = inflight }, new PenaltySpec(xi, unit)) : new NetworkScenario(catalog, world, requests, new PenaltySpec(xi, unit));
    }

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
            var fixedCatalog = ScenarioReader.ReadCatalog(s.Child("catalog", ScenarioReader.CatalogSectionKeys), baseDirectory);
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

    /// <summary>A count: a whole number from 1 to 10^7.</summary>
    private static int Count(Section owner, string key, int fallback) => (int)owner.Integer(key, fallback, 1, 10_000_000);

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
