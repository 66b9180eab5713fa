using System.Globalization;
using Simulator.Edge;
using Simulator.Edge.Network;

namespace Simulator.Experiments;

/// <summary>
/// The keys of the network scenarios (docs/network.md): the profile, the network's graph and rules, the cloudlets'
/// attribute ranges and the requests'. The ranges default to the authors' (the world's own defaults, <see cref="CloudletRanges"/>
/// and <see cref="RequestRanges"/>); a kind takes the keys that apply to it and refuses the others with why.
/// </summary>
public static class NetworkKeys
{
    private static string N(double v) => v.ToString("R", CultureInfo.InvariantCulture);

    private static string Shown(Interval i, string unit) => RangeKey.Written(i.Min, i.Max, v => N(v) + unit);

    /// <summary>The most cloudlets a network may have: routes are kept between every pair (20 bytes a pair, 500 MB at 5,000).</summary>
    public const int MaxCloudlets = 5_000;

    /// <summary>The most per-request values a window may draw (an accuracy and an output factor per model, a value per context feature).</summary>
    public const long MaxRequestValues = 20_000_000;

    private static readonly CloudletRanges C = new();
    private static readonly RequestRanges Q = new();
    private static readonly PaperLinks L = new();
    private static readonly PfmSpec P = new(1, 1);

    /// <summary>The paper profile's per-GB link times by default (the authors').</summary>
    public static readonly Interval MetroSecondsPerGB = new(L.MetroMin, L.MetroMax), BackhaulSecondsPerGB = new(L.BackhaulMin, L.BackhaulMax);

    /// <summary>A pfm catalog's model sizes (GB) and compute intensities by default (the authors').</summary>
    public static readonly Interval PfmSizeGB = new(P.MinGB, P.MaxGB), PfmIntensity = new(P.MinIntensity, P.MaxIntensity);

    public static readonly TextKey SitesFile = new("file", null, "A CSV of cloudlet sites with LATITUDE and LONGITUDE columns in any case (the EUA format; other columns are not read); its SHA-256 joins the config.", "a path");
    public static readonly BoolKey Extend = new("extend", false, "Add synthetic sites over the same area when there are more cloudlets than rows.");

    public static readonly SectionSchema SitesSection = new("scenario.network.sites", "Cloudlet sites from a file.", SitesFile, Extend);

    public static readonly QuantityKey LinkBandwidth = new("bandwidth", UnitKind.ByteRate, null, Domain.Positive, "realistic: the link's bandwidth.");
    public static readonly QuantityKey LinkLatency = new("latency", UnitKind.Time, null, Domain.NonNegative, "realistic: the link's latency.");

    public static readonly SectionSchema LinkClass = new("a realistic link class (links.metro, links.backhaul)", "A link's bandwidth and latency.", LinkBandwidth, LinkLatency);

    public static readonly SectionSchema LinksSection = new("scenario.network.links", "The two link classes.",
        new ValueKey("metro", "a per-GB time range (paper) or {bandwidth, latency} (realistic)", null, "The links between cloudlets.", LinkClass),
        new ValueKey("backhaul", "a per-GB time range (paper) or {bandwidth, latency} (realistic)", null, "The links to the data centre.", LinkClass));

    public static readonly RangeKey CloudletCapacity = new("capacity", UnitKind.Bytes, Shown(C.CapacityGB, " GB"), "C_i, the room for models, drawn in whole GB as the authors draw it.");
    public static readonly RangeKey ProcessingRate = new("processing_rate", null, Shown(C.ProcessingRate, ""), "f_i, the processing rate inference time divides by.");
    public static readonly RangeKey AccessRate = new("access_rate", null, Shown(C.AccessRate, ""), "zeta_i, the energy per instruction's factor.");
    public static readonly RangeKey PeakPower = new("peak_power", UnitKind.Power, Shown(C.PeakPower, " W"), "The peak power of the energy cost.");
    public static readonly RangeKey IdlePower = new("idle_power", UnitKind.Power, Shown(C.IdlePower, " W"), "The idle power of the energy cost.");
    public static readonly RangeKey LeakPower = new("leak_power", UnitKind.Power, Shown(C.LeakPower, " W"), "The leakage power of the energy cost.");
    public static readonly RangeKey TxPower = new("tx_power", UnitKind.Power, Shown(C.TxPower, " W"), "The transmit power of pulls and results.");
    public static readonly RangeKey ArrivalRate = new("arrival_rate", UnitKind.PerSecond, Shown(C.ArrivalRate, " /s"), "lambda_i of the analytic M/D/1 queue.");
    public static readonly RangeKey ServiceRate = new("service_rate", UnitKind.PerSecond, Shown(C.ServiceRate, " /s"), "mu_i of the analytic M/D/1 queue.");

    public static readonly SectionSchema CloudletsSection = new("scenario.cloudlets", "The ranges cloudlet attributes are drawn from (the authors' by default).",
        CloudletCapacity, ProcessingRate, AccessRate, PeakPower, IdlePower, LeakPower, TxPower, ArrivalRate, ServiceRate);

    public static readonly TextKey UsersFile = new("file", null, "A CSV of user positions with LATITUDE and LONGITUDE columns in any case (the EUA format; other columns are not read); its SHA-256 joins the config.", "a path");

    public static readonly SectionSchema UsersSection = new("scenario.requests.users", "User positions from a file.", UsersFile);

    public static readonly ChoiceKey<string> ContextModel = new("model", new (string, Func<string>, string)[]
    {
        ("none", () => "none", "No context."),
        ("paper", () => "paper", "N features drawn as the authors draw them."),
        ("latent", () => "latent", "A hidden task type of several; some features inform of it, and accuracy follows it."),
    }, "none", "How a request's context is drawn.");
    public static readonly IntegerKey Features = new("features", 50, 1, 10_000, "N, the features of a context.");
    public static readonly IntegerKey Types = new("types", 5, 1, 10_000, "latent: the hidden task types.");
    public static readonly IntegerKey Informative = new("informative", 5, 1, 10_000, "latent: the features that inform of the type (at most features).");
    public static readonly NumberKey Noise = new("noise", 0.3, Domain.NonNegative, "latent: the noise on an informative feature.");

    public static readonly SectionSchema ContextSection = new("scenario.requests.context", "A request's context features.", ContextModel, Features, Types, Informative, Noise);

    public static readonly NumberKey Xi = new("xi", new PenaltySpec().Xi, Domain.NonNegative, "How the penalty weighs accuracy against delay, from 0 to 1: xi (-ln a) + (1 - xi) D / delay_unit.", max: 1);
    public static readonly QuantityKey DelayUnit = new("delay_unit", UnitKind.Time, Units.Format(new PenaltySpec().DelayUnitSeconds, UnitKind.Time), Domain.Positive, "The delay that weighs as much as a unit of -ln accuracy.");

    public static readonly ChoiceKey<Feedback> Feedback = new("feedback", new (string, Func<Feedback>, string)[]
    {
        ("planned", () => Edge.Network.Feedback.Planned, "The delay planned at the decision, told at once (the paper's)."),
        ("realized", () => Edge.Network.Feedback.Realized, "The delay the request took, told when its result is back (the stochastic network): the learner hears of a pick after later picks, and never of one still under way at the horizon."),
    }, "planned", "Which delay D the penalty charges an online strategy, and when it hears of it.");
    public static readonly SectionSchema PenaltySection = new("scenario.requests.penalty", "The online penalty.", Xi, DelayUnit, Feedback);

    public static readonly IntegerKey CloudletCount = new("cloudlets", 30, 1, MaxCloudlets, "How many cloudlets (at most 5,000: routes are kept between every pair, 20 bytes a pair).");
    public static readonly SectionKey Sites = new("sites", SitesSection, "Cloudlet sites from a coordinates file (EUA format).");
    public static readonly QuantityKey Area = new("area", UnitKind.Length, null, Domain.Positive, "The side of the square synthetic sites and users are drawn in.", dependsOn: "the files' extent, or 2500 m");
    public static readonly ChoiceKey<string> Edges = new("edges", new (string, Func<string>, string)[]
    {
        ("random-connected", () => "random-connected", "A random connected graph (the authors')."),
        ("k-nearest", () => "k-nearest", "Each cloudlet linked to its k nearest (needs k)."),
    }, "random-connected", "How cloudlets are linked.", noun: "an edge rule");
    public static readonly IntegerKey K = new("k", 3, 1, MaxCloudlets, "k-nearest: the neighbours each cloudlet links to.");
    public static readonly ValueKey Links = new("links", "paper: {metro, backhaul} as per-GB times (a value or {min, max}, s/GB); realistic: {metro: {bandwidth, latency}, backhaul: {bandwidth, latency}}",
        $"paper: {{metro: {Shown(MetroSecondsPerGB, " s/GB")}, backhaul: {Shown(BackhaulSecondsPerGB, " s/GB")}}}; realistic: required", "How long a part takes over a metro link (between cloudlets) and the backhaul (to the data centre).", LinksSection);
    public static readonly IntegerKey Copies = new("copies", null, 1, MaxCloudlets, "The most copies of a model placed at the start (at most the cloudlets).", dependsOn: "floor(cloudlets / 20), at least 1 (the authors')");
    public static readonly ChoiceKey<CapacityRule> Capacity = new("capacity", new (string, Func<CapacityRule>, string)[]
    {
        ("per-request", () => CapacityRule.PerRequest, "alpha |M_k| <= C_h for each request on its own (the authors' row)."),
        ("aggregated", () => CapacityRule.Aggregated, "Summed over a window's requests homed at a cloudlet."),
        ("store", () => CapacityRule.Store, "A part store: the distinct blocks a window's requests homed at a cloudlet take, each counted once (a shared base once)."),
    }, null, "How cloudlet capacity constrains a window's choices.", dependsOn: "per-request (paper), aggregated (realistic)");
    public static readonly RangeKey CapacityFactor = new("capacity_factor", null, Shown(new NetworkWorldSpec().CapacityFactor, ""), "alpha of the capacity row, drawn once per replication.");
    public static readonly ChoiceKey<SourceRule> Sources = new("sources", new (string, Func<SourceRule>, string)[]
    {
        ("cloudlets", () => SourceRule.Cloudlets, "Cloudlets only, the data centre when none holds the part (the authors')."),
        ("all", () => SourceRule.All, "Every holder, the data centre included."),
    }, null, "Where parts may be pulled from.", dependsOn: "cloudlets (paper), all (realistic)");
    public static readonly ChoiceKey<Queueing> Queueing = new("queueing", new (string, Func<Queueing>, string)[]
    {
        ("analytic", () => Edge.Network.Queueing.Analytic, "The paper's constant M/D/1 wait, then inference."),
        ("simulated", () => Edge.Network.Queueing.Simulated, "A FIFO server per cloudlet in the simulation (requests over time only)."),
    }, "analytic", "How a cloudlet's inference queue is modelled (not in a network of sites: its sites queue).");
    public static readonly ChoiceKey<Contention> Contention = new("contention", new (string, Func<Contention>, string)[]
    {
        ("none", () => Edge.Network.Contention.None, "Every pull takes its path's uncontended time (the paper)."),
        ("fair-share", () => Edge.Network.Contention.FairShare, "Concurrent pulls share each link max-min fairly (realistic profile; requests over time only)."),
    }, "none", "How concurrent pulls share the links.");
    public static readonly QuantityKey Window = new("window", UnitKind.Time, "10 s", Domain.NonNegative, "Requests over time: how often the strategy plans the requests that arrived; 0 plans each on arrival.");
    public static readonly ChoiceKey<Inflight> Inflight = new("inflight", new (string, Func<Inflight>, string)[]
    {
        ("pull-again", () => Edge.Network.Inflight.PullAgain, "Pull it again from the plan's source (the paper's one-window model)."),
        ("join", () => Edge.Network.Inflight.Join, "Wait for the pull under way."),
    }, "pull-again", "Requests over time: what a decision does about a part already on its way to the same cloudlet.");

    public static readonly SectionSchema NetworkSection = new("scenario.network", "The network: its graph, links and rules.",
        CloudletCount, Sites, Area, Edges, K, Links, Copies, Capacity, CapacityFactor, Sources, Queueing, Contention, Window, Inflight);

    public static readonly IntegerKey Count = new("count", 100, 1, 1_000_000, "A window at t = 0: how many requests (with the models, at most 20,000,000 accuracies drawn).");
    public static readonly QuantityKey Rate = new("rate", UnitKind.PerSecond, null, Domain.Positive, "Requests over time: the total arrival rate.");
    public static readonly SectionKey Users = new("users", UsersSection, "User positions from a coordinates file.");
    public static readonly ValueKey Uplink = new("uplink", "paper, or an uplink section (realistic profile)", "paper", "The users' rate to their cloudlet: the paper's formula, or the project's radio.", UplinkKeys.Section);
    public static readonly RangeKey Instructions = new("instructions", null, Shown(Q.Instructions, ""), "I_j, whole instructions of a request.");
    public static readonly RangeKey Budget = new("budget", null, Shown(Q.Budget, ""), "A request's cost budget.");
    public static readonly RangeKey AccuracyRequirement = new("accuracy_requirement", null, Shown(Q.AccuracyRequirement, ""), "The least accuracy a request accepts (0 to 1).");
    public static readonly RangeKey Input = new("input", UnitKind.Bytes, Shown(Q.InputGB, " GB"), "A request's input size.");
    public static readonly RangeKey Accuracy = new("accuracy", null, Shown(Q.Accuracy, ""), "a_jk, drawn per request and model when the catalog gives none (0 to 1).");
    public static readonly RangeKey OutputFactor = new("output_factor", null, Shown(Q.OutputFactor, ""), "The factor of a result's size, out_jk = delta_j |M_k| u_jk.");
    public static readonly SectionKey Context = new("context", ContextSection, "The context features an online learner may read.");
    public static readonly SectionKey Penalty = new("penalty", PenaltySection, "The online penalty's weights.");

    public static readonly SectionSchema RequestsSection = new("scenario.requests", "The requests and the ranges of their attributes (the authors' by default).",
        Count, Rate, Users, Uplink, Instructions, Budget, AccuracyRequirement, Input, Accuracy, OutputFactor, Context, Penalty);

    public static readonly ChoiceKey<bool> Profile = new("profile", new (string, Func<bool>, string)[]
    {
        ("paper", () => true, "The authors' ranges, per-GB link times, rate formula and rules."),
        ("realistic", () => false, "Link bandwidths and latencies (which must be given) and the project's radio."),
    }, "paper", "Which set of assumptions the network is drawn under.");
    public static readonly SectionKey Network = new("network", NetworkSection, "The graph, its links and the problem's rules.");
    public static readonly SectionKey Cloudlets = new("cloudlets", CloudletsSection, "The ranges each cloudlet's attributes are drawn from.");
    public static readonly SectionKey Requests = new("requests", RequestsSection, "The requests: how many or how fast, and the ranges their attributes are drawn from.");


    public static readonly IntegerKey PfmModels = new("models", 10, 1, 10_000, "pfm: how many models.");
    public static readonly IntegerKey Families = new("families", 1, 1, 10_000, "pfm: the model families (each a base and its task parts).");
    public static readonly RangeKey Size = new("size", UnitKind.Bytes, Shown(PfmSizeGB, " GB"), "pfm: a model's size.");
    public static readonly RangeKey Intensity = new("intensity", null, Shown(PfmIntensity, ""), "pfm: phi_k, the compute intensity.");
    public static readonly IntegerKey BaseBlocks = new("base_blocks", P.BaseBlocks, 1, 10_000, "pfm: the blocks a family's base is made of.");
    public static readonly ValueKey PfmProfile = new("profile", "an inference profile: {alpha, beta} or {table: [[batch size, time], ...]}", "none (0 s)", "pfm: the inference time per batch size, where a cloudlet runs a site.");
    public static readonly QuantityKey PfmActivation = new("activation", UnitKind.Bytes, "0 B", Domain.Finite, "pfm: GPU memory each request of a batch takes, where a cloudlet runs a site.");

    /// <summary>A catalog the second paper's way: families of models drawn anew each replication.</summary>
    public static readonly SectionSchema Pfm = new("scenario.catalog with generate: pfm", "The second paper's model families, drawn per replication.",
        CatalogKeys.Generate, PfmModels, Families, Size, Intensity, BaseBlocks, PfmProfile, PfmActivation);

    public static readonly QuantityKey Storage = new("storage", UnitKind.Bytes, null, Domain.Positive, "Each cloudlet's disk room for models.", dependsOn: "each cloudlet's drawn capacity");
}
