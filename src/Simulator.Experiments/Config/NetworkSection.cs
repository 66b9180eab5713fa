using System.Globalization;
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
    /// <summary>The catalog of a network scenario: any catalog, or <c>generate: pfm</c>.</summary>
    public static readonly ValueKey CatalogKey = new("catalog", "a catalog section (scenario.catalog), or one with generate: pfm", null, "The models: any catalog, or the second paper's families drawn per replication (generate: pfm).",
        CatalogKeys.Section, NetworkKeys.Pfm);

    /// <summary>The keys every network scenario takes, <c>kind</c> first; <paramref name="cloudlet"/> is what the kind says of cloudlets that run sites.</summary>
    public static SectionSchema ScenarioSchema(string title, string help, Key cloudlet) =>
        new(title, help, ExperimentKeys.ScenarioKind, NetworkKeys.Profile, CatalogKey, NetworkKeys.Network, NetworkKeys.Cloudlets, NetworkKeys.Requests, cloudlet);

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
        Paper = s.Get(NetworkKeys.Profile);
        (Catalog, LargestBytes) = ReadCatalog(s, baseDirectory);
        Network = s.Child(NetworkKeys.Network);
        cloudlets = (int)Network.Get(NetworkKeys.CloudletCount);
        var sites = Network.Child(NetworkKeys.Sites);
        Requests = s.Child(NetworkKeys.Requests);
        var users = Requests.Child(NetworkKeys.Users);
        CoordinatesFile? Coordinates(Section owner, TextKey key) => owner.Has(key)
            ? CoordinatesFile.Read(InputFile.Existing(baseDirectory, owner.Get(key), owner.Required(key), "coordinates"))
            : null;
        siteFile = Coordinates(sites, NetworkKeys.SitesFile);
        userFile = Coordinates(users, NetworkKeys.UsersFile);
        bool extend = sites.Get(NetworkKeys.Extend);
        if (siteFile is not null && cloudlets > siteFile.Rows.Count && !extend)
            throw Network.Required(NetworkKeys.CloudletCount).Error($"{cloudlets} cloudlets, but '{siteFile.Path}' has {siteFile.Rows.Count} sites; give fewer, or network.sites.extend: true to add synthetic sites over the same area.");
        // Both files share one plane: the south-west corner of the sites (or of the users, with synthetic sites).
        var frame = siteFile ?? userFile;
        IReadOnlyList<Position>? Project(CoordinatesFile? f) => f is null || frame is null ? null
            : f.Project(frame.Rows.Min(r => r.Latitude), frame.Rows.Min(r => r.Longitude), frame.Rows.Average(r => r.Latitude));
        cloudletSites = Project(siteFile);
        userSites = Project(userFile);
        double extent = cloudletSites is { } cs ? Math.Max(cs.Max(p => p.X), cs.Max(p => p.Y)) : userSites is { } us ? Math.Max(us.Max(p => p.X), us.Max(p => p.Y)) : 2500;
        area = Network.Get(NetworkKeys.Area, extent);
        edges = Network.Get(NetworkKeys.Edges) == "k-nearest" ? new KNearestEdges((int)Network.Get(NetworkKeys.K)) : new RandomConnectedEdges();
        links = ReadLinks(Network, Paper);
        cloudletRanges = ReadCloudletRanges(s.Child(NetworkKeys.Cloudlets));
        copies = Network.Has(NetworkKeys.Copies) ? (int)Network.Get(NetworkKeys.Copies) : null;
        if (copies > cloudlets) throw Network.Required(NetworkKeys.Copies).Error($"{copies} copies of a model, but the network has {cloudlets} cloudlets: a model is placed at most once on each.");
        capacity = Network.Get(NetworkKeys.Capacity, Paper ? "per-request" : "aggregated");
        alpha = Range(Network, NetworkKeys.CapacityFactor, new NetworkWorldSpec().CapacityFactor, d => d.Number(), "", 0, false);
        sources = Network.Get(NetworkKeys.Sources, Paper ? "cloudlets" : "all");
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
        var contention = Network.Get(overTime ? NetworkKeys.Contention : NetworkKeys.Contention.Only("none"));
        if (contention == Edge.Network.Contention.FairShare && Paper)
            throw Network.Required(NetworkKeys.Contention).Error("fair-share needs links with a bandwidth: use profile: realistic (the paper's per-GB times add per link and have no bandwidth to share).");
        return contention;
    }

    /// <summary>How a cloudlet's inference queue is modelled; one window at t = 0 has no queue to simulate.</summary>
    public Queueing Queueing(bool overTime) => Network.Get(overTime ? NetworkKeys.Queueing : NetworkKeys.Queueing.Only("analytic"));

    /// <summary>
    /// The window a strategy plans (0: each request on arrival) and what a decision does about a part on its way.
    /// A request is planned when its window ends: a window that ends nowhere between the warm-up and the horizon
    /// would leave every measured request unplanned, a run with nothing to report.
    /// </summary>
    public (double WindowSeconds, Inflight Inflight) Window(RunLength length)
    {
        double window = Network.Get(NetworkKeys.Window);
        if (window > 0 && !WindowSelection.EndsBetween(window, length.WarmupSeconds, length.HorizonSeconds))
            throw Network.Required(NetworkKeys.Window).Error(string.Create(CultureInfo.InvariantCulture,
                $"no {Keys.R(window)} s window closes after the warm-up ({Keys.R(length.WarmupSeconds)} s) and before the horizon ({Keys.R(length.HorizonSeconds)} s), so no measured request would be planned; a window shorter than the {Keys.R(length.MeasuredSeconds)} s between them always closes there."));
        return (window, Network.Get(NetworkKeys.Inflight));
    }

    /// <summary>The users' rate to their cloudlet: the paper's formula, or the project's radio under the realistic profile.</summary>
    public UplinkRate UserUplink() => Paper
        ? Requests.Get(new ChoiceKey<UplinkRate>(NetworkKeys.Uplink.Name, new (string, Func<UplinkRate>, string)[] { ("paper", () => new PaperRate(), "") }, "paper", NetworkKeys.Uplink.Help))
        : new RadioRate(SiteSections.ReadUplink(Requests.Child(NetworkKeys.Uplink, UplinkKeys.Section), null, baseDirectory));

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
            Instructions = Range(users, NetworkKeys.Instructions, q.Instructions, d => d.Integer(), "", 0, true, integer: true),
            Budget = Range(users, NetworkKeys.Budget, q.Budget, d => d.Number(), "", 0, true),
            AccuracyRequirement = Range(users, NetworkKeys.AccuracyRequirement, q.AccuracyRequirement, d => d.Number(), "", 0, false, upper: 1),
            InputGB = Range(users, NetworkKeys.Input, q.InputGB, d => d.Quantity(UnitKind.Bytes) / Edge.Units.GB, " GB", 0, false, scale: Edge.Units.GB),
            Accuracy = Range(users, NetworkKeys.Accuracy, q.Accuracy, d => d.Number(), "", 0, true, upper: 1),
            OutputFactor = Range(users, NetworkKeys.OutputFactor, q.OutputFactor, d => d.Number(), "", 0, false),
        };
        var probe = Catalog(new Random(0));
        double best = probe.Models.All(m => m.Accuracy is not null) ? probe.Models.Max(m => m.Accuracy!.Value) : requestRanges.Accuracy.Max;
        if (requestRanges.AccuracyRequirement.Min > best)
            throw (users.Raw(NetworkKeys.AccuracyRequirement) ?? users.Doc).Error($"no model meets an accuracy requirement of {requestRanges.AccuracyRequirement.Min}: the best accuracy is {best}.");
        // An empty candidate set for every request: under the per-request row no model fits the largest cloudlet even at the smallest alpha.
        double smallest = probe.Models.Min(m => probe.Bytes(m)) / Edge.Units.GB;
        if (capacity == CapacityRule.PerRequest && alpha.Min * smallest > cloudletRanges.CapacityGB.Max)
            throw (Network.Raw(NetworkKeys.CapacityFactor) ?? s.Child(NetworkKeys.Cloudlets).Raw(NetworkKeys.CloudletCapacity) ?? Network.Doc).Error(
                $"no model fits any cloudlet: the smallest model takes alpha |M| = {alpha.Min} x {smallest:0.###} GB against at most {cloudletRanges.CapacityGB.Max} GB of capacity.");
        var context = ReadContext(users);
        // A cloudlet drawn with lambda >= mu has an unstable queue (W is infinite); draws are uniform, so it can be unless every lambda lies below every mu (fixed values may not be equal).
        var (lambda, mu) = (cloudletRanges.ArrivalRate, cloudletRanges.ServiceRate);
        if (lambda.Max > mu.Min || (lambda.Min == lambda.Max && mu.Min == mu.Max && lambda.Max >= mu.Min))
            throw (s.Child(NetworkKeys.Cloudlets).Raw(NetworkKeys.ArrivalRate) ?? s.Child(NetworkKeys.Cloudlets).Raw(NetworkKeys.ServiceRate) ?? s.Doc).Error(
                $"a cloudlet may be drawn with arrival_rate {cloudletRanges.ArrivalRate.Max} /s at or above its service_rate {cloudletRanges.ServiceRate.Min} /s: its queue is unstable (the wait is infinite); keep the arrival rates below the service rates.");
        if (siteFile is not null) Network.Child(NetworkKeys.Sites).Record("sha256", siteFile.Hash);
        if (userFile is not null) users.Child(NetworkKeys.Users).Record("sha256", userFile.Hash);
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

    /// <summary>
    /// A window of <paramref name="requests"/> draws an accuracy and an output factor per model and a value per
    /// context feature for each request: at most <see cref="NetworkKeys.MaxRequestValues"/>, refused before any is drawn.
    /// </summary>
    public void CheckWindowSize(int requests, NetworkWorldSpec world)
    {
        long models = (long)Catalog(new Random(0)).Models.Count, features = world.Context?.Features ?? 0;
        long values = requests * (2 * models + features);
        if (values > NetworkKeys.MaxRequestValues)
            throw (Requests.Raw(NetworkKeys.Count) ?? Requests.Doc).Error(string.Create(System.Globalization.CultureInfo.InvariantCulture,
                $"{requests:N0} requests over {models:N0} models{(features > 0 ? $" and {features:N0} context features" : "")} draw {values:N0} values: at most {NetworkKeys.MaxRequestValues:N0}; give fewer requests."));
    }

    /// <summary>The online penalty: <c>requests.penalty: {xi, delay_unit, feedback}</c>.</summary>
    /// <param name="realizedRefusal">Why the kind has no realized delay to tell a learner; null where it has.</param>
    public PenaltySpec Penalty(string? realizedRefusal = null)
    {
        var penalty = Requests.Child(NetworkKeys.Penalty);
        var feedback = penalty.Get(NetworkKeys.Feedback);
        if (feedback == Feedback.Realized && realizedRefusal is not null) throw penalty.Required(NetworkKeys.Feedback).Error(realizedRefusal);
        return new PenaltySpec(penalty.Get(NetworkKeys.Xi), penalty.Get(NetworkKeys.DelayUnit), feedback);
    }

    /// <summary>requests.context: none (the default), {model: paper, features: N}, or {model: latent, features: N, types, informative, noise}.</summary>
    private static ContextModel? ReadContext(Section users)
    {
        var c = users.Child(NetworkKeys.Context);
        string model = c.Get(NetworkKeys.ContextModel);
        if (model == "none") return null;
        int features = (int)c.Get(NetworkKeys.Features);
        if (model == "paper") return new PaperContext(features);
        int types = (int)c.Get(NetworkKeys.Types), informative = (int)c.Get(NetworkKeys.Informative);
        if (informative > features) throw c.Required(NetworkKeys.Informative).Error($"{informative} informative features of {features}.");
        double noise = c.Get(NetworkKeys.Noise);
        var accuracy = Range(users, NetworkKeys.Accuracy, new RequestRanges().Accuracy, d => d.Number(), "", 0, true, upper: 1);
        return new LatentContext(features, types, informative, noise, accuracy.Min, accuracy.Max);
    }

    /// <summary>A pfm catalog is drawn per replication from the stream it is given; any other catalog is read once. With the most bytes a model of it can have.</summary>
    private static (Func<Random, Catalog> Catalog, double LargestBytes) ReadCatalog(Section s, string baseDirectory)
    {
        if (!IsPfm(s))
        {
            var fixedCatalog = SiteSections.ReadCatalog(s.Child(CatalogKey, CatalogKeys.Section), baseDirectory);
            return (_ => fixedCatalog, fixedCatalog.Models.Max(m => (double)fixedCatalog.Bytes(m)));
        }
        var c = s.Child(CatalogKey, NetworkKeys.Pfm);
        c.Get(CatalogKeys.Generate);
        int models = (int)c.Get(NetworkKeys.PfmModels);
        int families = (int)c.Get(NetworkKeys.Families);
        if (families > models) throw c.Required(NetworkKeys.Families).Error($"{families} families for {models} models: a family needs at least one model.");
        var size = Range(c, NetworkKeys.Size, NetworkKeys.PfmSizeGB, d => d.Quantity(UnitKind.Bytes) / Edge.Units.GB, " GB", 0, true, scale: Edge.Units.GB);
        var intensity = Range(c, NetworkKeys.Intensity, NetworkKeys.PfmIntensity, d => d.Number(), "", 0, true);
        int blocks = (int)c.Get(NetworkKeys.BaseBlocks);
        // The GPU profile matters only where a cloudlet runs a site; the analytic network reads phi.
        var profile = c.Raw(NetworkKeys.PfmProfile) is { } p ? CatalogYaml.ReadProfile(p) : new AffineProfile(0, 0);
        long activation = (long)c.Get(NetworkKeys.PfmActivation);
        var spec = new PfmSpec(models, families, size.Min, size.Max, intensity.Min, intensity.Max, blocks);
        PfmGenerator.Build(spec, profile, activation, new Random(0)); // a spec that cannot build is refused here, not in a run
        return (rng => PfmGenerator.Build(spec, profile, activation, rng), size.Max * Edge.Units.GB);
    }

    /// <summary>Whether the catalog is the second paper's families (<c>generate: pfm</c>), drawn per replication.</summary>
    public static bool IsPfm(Section scenario) =>
        scenario.Unchecked(CatalogKey).Raw(CatalogKeys.Generate.Name) is { IsMapping: false, IsSequence: false } g && g.Text() == "pfm";

    private static LinkProfile ReadLinks(Section net, bool paper)
    {
        var metroKey = NetworkKeys.LinksSection["metro"];
        var backhaulKey = NetworkKeys.LinksSection["backhaul"];
        if (paper)
        {
            var l = net.Child(NetworkKeys.Links, NetworkKeys.LinksSection);
            var metro = Range(l, metroKey, NetworkKeys.MetroSecondsPerGB, d => d.Quantity(UnitKind.TimePerSize) * Edge.Units.GB, " s/GB", 0, true, scale: 1 / Edge.Units.GB);
            var backhaul = Range(l, backhaulKey, NetworkKeys.BackhaulSecondsPerGB, d => d.Quantity(UnitKind.TimePerSize) * Edge.Units.GB, " s/GB", 0, true, scale: 1 / Edge.Units.GB);
            return new PaperLinks(metro.Min, metro.Max, backhaul.Min, backhaul.Max);
        }
        if (!net.Has(NetworkKeys.Links)) throw net.Doc.Error("the realistic profile needs links: {metro: {bandwidth, latency}, backhaul: {bandwidth, latency}}, each value with its source in your file.");
        var links = net.Child(NetworkKeys.Links, NetworkKeys.LinksSection);
        (double Rate, double Latency) Class(Key key)
        {
            var c = links.Child(key, NetworkKeys.LinkClass);
            return (c.Get(NetworkKeys.LinkBandwidth), c.Get(NetworkKeys.LinkLatency));
        }
        var (mr, ml) = Class(metroKey);
        var (br, bl) = Class(backhaulKey);
        return new RealisticLinks(mr, ml, br, bl);
    }

    private static CloudletRanges ReadCloudletRanges(Section c)
    {
        var d = new CloudletRanges();
        var capacity = Range(c, NetworkKeys.CloudletCapacity, d.CapacityGB, x => x.Quantity(UnitKind.Bytes) / Edge.Units.GB, " GB", 0, true, scale: Edge.Units.GB);
        if (capacity.Min != Math.Floor(capacity.Min) || capacity.Max != Math.Floor(capacity.Max))
            throw c.Required(NetworkKeys.CloudletCapacity).Error($"capacities are drawn in whole GB as the authors draw them (randint); {capacity} GB is not.");
        return new CloudletRanges
        {
            CapacityGB = capacity,
            ProcessingRate = Range(c, NetworkKeys.ProcessingRate, d.ProcessingRate, x => x.Number(), "", 0, true),
            AccessRate = Range(c, NetworkKeys.AccessRate, d.AccessRate, x => x.Number(), "", 0, false),
            PeakPower = Range(c, NetworkKeys.PeakPower, d.PeakPower, x => x.Quantity(UnitKind.Power), " W", 0, false),
            IdlePower = Range(c, NetworkKeys.IdlePower, d.IdlePower, x => x.Quantity(UnitKind.Power), " W", 0, false),
            LeakPower = Range(c, NetworkKeys.LeakPower, d.LeakPower, x => x.Quantity(UnitKind.Power), " W", 0, false),
            TxPower = Range(c, NetworkKeys.TxPower, d.TxPower, x => x.Quantity(UnitKind.Power), " W", 0, false),
            ArrivalRate = Range(c, NetworkKeys.ArrivalRate, d.ArrivalRate, x => x.Quantity(UnitKind.PerSecond), " /s", 0, false),
            ServiceRate = Range(c, NetworkKeys.ServiceRate, d.ServiceRate, x => x.Quantity(UnitKind.PerSecond), " /s", 0, true),
        };
    }

    /// <summary>
    /// One value or {min, max}, read by <paramref name="read"/> (into the unit the world keeps, e.g. GB) and
    /// checked: finite, min &lt;= max, at least <paramref name="lowest"/> (strictly above it when
    /// <paramref name="positive"/>), at most <paramref name="upper"/>. The resolved config records SI values
    /// (<paramref name="scale"/> converts back).
    /// </summary>
    private static Interval Range(Section owner, Key rangeKey, Interval fallback, Func<YamlDoc, double> read, string unit, double lowest, bool positive,
        double upper = double.PositiveInfinity, double scale = 1, bool integer = false)
    {
        string key = rangeKey.Name;
        var doc = owner.Raw(rangeKey);
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
