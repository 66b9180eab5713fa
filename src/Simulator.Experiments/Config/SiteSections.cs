using Simulator.Edge;

namespace Simulator.Experiments;

/// <summary>
/// The sections that describe a site and its cell, read the same wherever they appear: a lone site's scenario,
/// a round planned at once, every cloudlet of a network of sites (its <c>cloudlet</c> section), and the radio of a
/// network's users. Each value is checked against its domain here, before any run.
/// </summary>
public static class SiteSections
{
    private static readonly TableProfile ClockworkResNet50 = new(new[] { (1, 0.0033), (2, 0.0053), (4, 0.0075), (8, 0.0124) });

    /// <summary>The keys of a scenario that describes one site and its cell.</summary>
    public static readonly string[] SiteScenarioKeys = { "kind", "catalog", "site", "uplink", "arrivals", "deadline" };

    /// <summary>The keys of a scenario.catalog section.</summary>
    public static readonly string[] CatalogSectionKeys = { "name", "generate", "file", "clusters", "adapters", "models", "blocks_per_model", "pool", "share", "block_size", "profile", "activation", "seed" };

    public static readonly string[] UplinkKeys = { "bandwidth", "tx_power", "noise_psd", "noise_figure", "pathloss", "carrier", "reference_loss", "exponent", "shadowing", "fading", "rice_k", "coherence", "correlation", "speed", "rate_model", "placement", "requantize_on_coherence", "allocation" };

    public static readonly string[] ArrivalKeys = { "process", "rate", "rate_on", "rate_off", "mean_on", "mean_off", "count", "file", "popularity", "weights", "input" };

    /// <summary>The keys of a section that describes a site and its cell: a lone site's scenario, or every cloudlet of a network of sites.</summary>
    public static readonly string[] SiteAndCellKeys = { "site", "uplink", "arrivals", "deadline" };

    /// <summary>
    /// A site (<c>site</c>, with its <c>uplink</c>) and its cell's workload (<c>arrivals</c>, <c>deadline</c>) from
    /// <paramref name="owner"/>, checked against <paramref name="catalog"/>: every model must fit the GPU alone.
    /// </summary>
    public static (SiteSpec Site, IWorkload Workload) ReadSiteAndWorkload(Section scenario, Catalog catalog, string baseDirectory)
    {
        var profiles = HardwareProfiles.Shipped;
        var site = scenario.Child("site", "disk", "ram", "pcie", "gpu", "timeline", "admission", "replan", "max_batch", "loading", "lumped_speed", "downlink");
        var disk = Profile(site, "disk", profiles.DiskNames, profiles.Disk, "hdd-7200");
        var gpu = site.Child("gpu", "device", "memory", "residency", "prefetch");
        var device = Profile(gpu, "device", profiles.GpuNames, profiles.Gpu, "rtx4090");
        var pcie = Profile(site, "pcie", profiles.PcieNames, profiles.Pcie, device.Pcie);
        var ram = site.Child("ram", "capacity", "preload");
        long ramBytes = (long)ram.Quantity("capacity", UnitKind.Bytes, 0, Domain.NonNegative);
        var preload = ram.Raw("preload") is { } pre
            ? pre.IsSequence ? pre.Sequence().Select(p => Model(catalog, p)).ToArray()
              : pre.Text() switch { "none" => Array.Empty<string>(), "all" => catalog.Models.Select(m => m.Id).ToArray(), var t => throw pre.Error($"preload is none, all or a list of model ids, not '{t}'.") }
            : Array.Empty<string>();
        ram.Record("preload", preload.Length == 0 ? "none" : string.Join(",", preload));
        var loading = site.Choice("loading", new Dictionary<string, LoadingMode> { ["pipelined"] = LoadingMode.Pipelined, ["lumped"] = LoadingMode.Lumped }, "pipelined");
        var downlink = site.Child("downlink", "rate", "result_bytes");
        var spec = new SiteSpec
        {
            Disk = disk,
            Pcie = pcie,
            GpuBytes = (long)gpu.Quantity("memory", UnitKind.Bytes, device.MemoryBytes, Domain.Positive),
            Residency = gpu.Choice("residency", new Dictionary<string, IResidencyPolicy> { ["previous-model"] = new PreviousModelResidency(), ["lru"] = new LruResidency(), ["pin-shared"] = new PinSharedResidency() }, "previous-model"),
            Prefetch = gpu.Bool("prefetch", false),
            RamBytes = ramBytes,
            RamPreload = preload,
            Loading = loading,
            LumpedBytesPerSecond = loading == LoadingMode.Lumped ? site.Quantity("lumped_speed", UnitKind.ByteRate, null, Domain.Positive) : double.NaN,
            Timeline = site.Choice("timeline", new Dictionary<string, Timeline> { ["overlap"] = Timeline.Overlap, ["sequential"] = Timeline.Sequential, ["pipelined"] = Timeline.Pipelined }, "overlap"),
            Admission = site.Choice("admission", new Dictionary<string, Admission> { ["drop-infeasible"] = Admission.DropInfeasible, ["none"] = Admission.None }, "drop-infeasible"),
            Replan = site.Choice("replan", new Dictionary<string, Replan> { ["every-batch"] = Replan.EveryBatch, ["on-arrival"] = Replan.OnArrival, ["plan-to-completion"] = Replan.PlanToCompletion }, "every-batch"),
            MaxBatch = site.Has("max_batch") ? (int)site.Integer("max_batch", null, 1, int.MaxValue) : null,
            Uplink = ReadUplink(scenario.Child("uplink", UplinkKeys), downlink, baseDirectory),
            ResultBytes = downlink.Quantity("result_bytes", UnitKind.Bytes, 0, Domain.NonNegative),
        };
        // The memory rule for one request, here rather than when the first site is built mid-run.
        foreach (var model in catalog.Models)
            if (catalog.Bytes(model) + model.ActivationBytesPerSample > spec.GpuBytes)
                throw (gpu.Raw("memory") ?? gpu.Raw("device") ?? site.Doc).Error(string.Create(System.Globalization.CultureInfo.InvariantCulture,
                    $"model '{model.Id}' needs {catalog.Bytes(model):N0} bytes of weights plus {model.ActivationBytesPerSample:N0} of activations for one request, more than the GPU's {spec.GpuBytes:N0} bytes."));
        var arrivals = scenario.Child("arrivals", ArrivalKeys);
        return (spec, ReadWorkload(arrivals, scenario, catalog, baseDirectory));
    }

    /// <summary>A catalog from a `catalog` section: a file, or a generator with its parameters.</summary>
    public static Catalog ReadCatalog(Section c, string baseDirectory)
    {
        if (c.Has("name"))
        {
            string name = c.Text("name");
            var text = ShippedCatalogs.Text(name) ?? throw c.Required("name").Error($"no shipped catalog '{name}'.{Spelling.Hint(name, ShippedCatalogs.Names)} Shipped: {string.Join(", ", ShippedCatalogs.Names)}.");
            var doc = YamlDoc.Parse(text, $"experiments/catalogs/{name}.yaml").At(c.Doc.Path); // its values resolve under scenario.catalog
            return doc.Mapping().ContainsKey("blocks") ? CatalogYaml.Read(doc) : ReadCatalog(new Section(doc, c.Binding, CatalogSpecKeys), baseDirectory);
        }
        string how = c.Has("file") ? "file" : c.Text("generate", "backbone-sharing");
        InferenceProfile? Profile(Section owner) => owner.Raw("profile") is { } p ? CatalogYaml.ReadProfile(p) : null;
        switch (how)
        {
            case "file":
            {
                string path = Path.Combine(baseDirectory, c.Text("file"));
                if (!File.Exists(path)) throw c.Required("file").Error($"catalog file '{path}' does not exist.");
                c.Record("sha256", FileHash.Of(path));
                return CatalogYaml.Read(path);
            }
            case "backbone-sharing":
            {
                var clusters = c.Required("clusters").Sequence().Select(doc =>
                {
                    var k = new Section(doc, c.Binding, "backbone", "variants", "frozen", "classes", "profile", "activation");
                    string backbone = k.Text("backbone");
                    var frozen = k.Required("frozen").IsSequence ? k.Required("frozen").Sequence().Select(Depth).ToArray() : new[] { Depth(k.Required("frozen")) };
                    k.Record("frozen", string.Join(",", frozen));
                    var profile = Profile(k) ?? (backbone == "resnet50" ? ClockworkResNet50 : throw doc.Error($"'{backbone}' has no default inference profile with a source; give 'profile'."));
                    return new ClusterSpec(backbone, (int)k.Integer("variants", null, 1, 100_000), frozen, (int)k.Integer("classes", 1000, 1, 10_000_000), profile, (long)k.Quantity("activation", UnitKind.Bytes, null, Domain.NonNegative));
                }).ToArray();
                return BackboneSharingGenerator.Build(clusters);
            }
            case "general":
            {
                var size = c.Required("block_size").Sequence();
                if (size.Count != 2) throw c.Required("block_size").Error("block_size is [min, max].");
                double low = size[0].Quantity(UnitKind.Bytes), high = size[1].Quantity(UnitKind.Bytes);
                if (!(low >= 1 && low <= high)) throw c.Required("block_size").Error($"block_size [min, max] needs 1 B <= min <= max, not [{low}, {high}].");
                double share = c.Number("share", null, Domain.NonNegative);
                if (share > 1) throw c.Required("share").Error($"'share' is a probability, at most 1, not {share}.");
                var spec = new GeneralSharingSpec((int)c.Integer("models", null, 1, 1_000_000), (int)c.Integer("blocks_per_model", null, 1, 1_000_000), (int)c.Integer("pool", null, 1, 10_000_000), share,
                    (long)low, (long)high, Profile(c) ?? throw c.Doc.Error("a general catalog needs 'profile'."), (long)c.Quantity("activation", UnitKind.Bytes, null, Domain.NonNegative));
                return GeneralSharingGenerator.Build(spec, new Random((int)c.Integer("seed", 1, 0, int.MaxValue)));
            }
            case "lora":
            {
                var adapters = c.Required("adapters").Sequence().Select(doc =>
                {
                    var a = new Section(doc, c.Binding, "rank", "targets");
                    var targets = a.Choice("targets", new Dictionary<string, LoraTargets> { ["qv"] = LoraTargets.QV, ["all-linear"] = LoraTargets.AllLinear }, "qv");
                    return ((int)a.Integer("rank", null, 1, 1_000_000), targets);
                }).ToArray();
                return LoraGenerator.Build(adapters, Profile(c) ?? throw c.Doc.Error("a LoRA catalog needs 'profile'."), (long)c.Quantity("activation", UnitKind.Bytes, null, Domain.NonNegative));
            }
            default:
                throw c.Required("generate").Error(how == "pfm" ? "the pfm generator draws the second paper's model families anew each replication: the network kinds take it, a site's scenario a catalog of its own."
                    : $"'{how}' is not a catalog generator; known: backbone-sharing, general, lora (or give 'file'), and pfm in network scenarios.");
        }
    }

    /// <summary>The keys a catalog description may use (in an experiment's scenario.catalog or a catalog file).</summary>
    public static readonly string[] CatalogSpecKeys = { "generate", "file", "clusters", "adapters", "models", "blocks_per_model", "pool", "share", "block_size", "profile", "activation", "seed" };

    internal static UplinkSpec ReadUplink(Section u, Section downlink, string baseDirectory)
    {
        double noiseFigure = u.Quantity("noise_figure", UnitKind.Decibels, 0);
        PathLoss pathLoss = u.Text("pathloss", "3gpp-uma") switch
        {
            "3gpp-uma" => new Uma3gppPathLoss(),
            "free-space" => new FreeSpacePathLoss(u.Quantity("carrier", UnitKind.Frequency)),
            "log-distance" => new LogDistancePathLoss(u.Quantity("reference_loss", UnitKind.Decibels), u.Number("exponent", null, Domain.Positive)),
            var t => throw u.Required("pathloss").Error($"'{t}' is not a path-loss model; known: 3gpp-uma, free-space, log-distance.{Spelling.Hint(t, new[] { "3gpp-uma", "free-space", "log-distance" })}"),
        };
        var fading = u.Choice("fading", new Dictionary<string, FadingKind> { ["rayleigh"] = FadingKind.Rayleigh, ["rician"] = FadingKind.Rician, ["none"] = FadingKind.None }, "rayleigh");
        double coherence = u.Quantity("coherence", UnitKind.Time, 0.010, Domain.Positive);
        double? rho = u.Choice("correlation", new Dictionary<string, bool> { ["none"] = false, ["gauss-markov"] = true }, "none")
            ? Fading.GaussMarkovRho(u.Number("speed", null, Domain.NonNegative), u.Quantity("carrier", UnitKind.Frequency), coherence)
            : null;
        var placement = u.Child("placement", "kind", "min_radius", "max_radius", "spacing", "file");
        return new UplinkSpec
        {
            BandwidthHz = u.Quantity("bandwidth", UnitKind.Frequency, 20e6, Domain.Positive),
            TxPowerWatts = u.Quantity("tx_power", UnitKind.Power, 0.2, Domain.Positive),
            NoisePsdWattsPerHz = u.Quantity("noise_psd", UnitKind.PowerSpectralDensity, Edge.Units.DbmToWatts(-174)) * Edge.Units.DbToLinear(noiseFigure),
            PathLoss = pathLoss,
            ShadowingSigmaDb = u.Quantity("shadowing", UnitKind.Decibels, 8, Domain.NonNegative),
            Fading = fading,
            RiceK = fading == FadingKind.Rician ? u.Number("rice_k", null, Domain.NonNegative) : 0,
            CoherenceSeconds = coherence,
            GaussMarkovRho = rho,
            RequantizeOnCoherence = u.Bool("requantize_on_coherence", false),
            Allocator = u.Choice("allocation", Allocators.Names.ToDictionary(n => n, n => Allocators.Named(n)!), "optimal"),
            RateModel = u.Choice("rate_model", new Dictionary<string, RateModel> { ["fixed-psd"] = RateModel.FixedPsd, ["fixed-power"] = RateModel.FixedPower }, "fixed-psd"),
            Placement = ReadPlacement(placement, baseDirectory),
            DownlinkBitsPerSecond = downlink.Has("rate") ? 8 * downlink.Quantity("rate", UnitKind.ByteRate, null, Domain.Positive) : null,
        };
    }

    /// <summary>
    /// Where users stand: uniformly in an annulus (the default), at the points of a square grid inside it
    /// (<c>kind: grid, spacing</c>), or at the x,y coordinates of a CSV (<c>kind: file, file</c>).
    /// </summary>
    private static Placement ReadPlacement(Section placement, string baseDirectory)
    {
        string kind = placement.Text("kind", "annulus");
        if (kind == "file")
        {
            string path = Path.Combine(baseDirectory, placement.Text("file"));
            if (!File.Exists(path)) throw placement.Required("file").Error($"placement file '{path}' does not exist.");
            placement.Record("sha256", FileHash.Of(path));
            return new CsvPlacement(path);
        }
        double min = placement.Quantity("min_radius", UnitKind.Length, 10, Domain.NonNegative), max = placement.Quantity("max_radius", UnitKind.Length, 250, Domain.Positive);
        if (min > max) throw (placement.Raw("min_radius") ?? placement.Doc).Error($"min_radius {min} m lies beyond max_radius {max} m.");
        return kind switch
        {
            "annulus" => new AnnulusPlacement(min, max),
            "grid" => Grid(placement, min, max),
            _ => throw placement.Required("kind").Error($"'{kind}' is not a placement; known: annulus, grid, file.{Spelling.Hint(kind, new[] { "annulus", "grid", "file" })}"),
        };
    }

    private static GridPlacement Grid(Section placement, double min, double max)
    {
        double spacing = placement.Quantity("spacing", UnitKind.Length, null, Domain.Positive);
        try
        {
            return new GridPlacement(spacing, min, max);
        }
        catch (ArgumentException ex)
        {
            throw placement.Required("spacing").Error(ex.Message);
        }
    }

    private static IWorkload ReadWorkload(Section a, Section scenario, Catalog catalog, string baseDirectory)
    {
        string process = a.Text("process", "poisson");
        if (process == "trace")
        {
            string path = Path.Combine(baseDirectory, a.Text("file"));
            if (!File.Exists(path)) throw a.Required("file").Error($"trace file '{path}' does not exist.");
            a.Record("sha256", FileHash.Of(path));
            var trace = new TraceWorkload(path);
            trace.Check(catalog);
            return trace;
        }
        ArrivalProcess arrivals = process switch
        {
            "poisson" => new PoissonArrivals(a.Quantity("rate", UnitKind.PerSecond, null, Domain.Positive)),
            "mmpp" => new MmppArrivals(a.Quantity("rate_on", UnitKind.PerSecond, null, Domain.NonNegative), a.Quantity("rate_off", UnitKind.PerSecond, null, Domain.NonNegative), a.Quantity("mean_on", UnitKind.Time, null, Domain.Positive), a.Quantity("mean_off", UnitKind.Time, null, Domain.Positive)),
            "batch-at-zero" => new BatchAtZero((int)a.Integer("count", null, 1, 10_000_000)),
            _ => throw a.Required("process").Error($"'{process}' is not an arrival process; known: poisson, mmpp, batch-at-zero, trace.{Spelling.Hint(process, new[] { "poisson", "mmpp", "batch-at-zero", "trace" })}"),
        };
        Popularity popularity;
        if (a.Raw("weights") is { } w)
        {
            foreach (var (model, value) in w.Mapping())
            {
                if (!catalog.Contains(model)) throw value.Error($"popularity weights name unknown model '{model}'.{Spelling.Hint(model, catalog.Models.Select(m => m.Id))}");
                if (!(value.Number() >= 0)) throw value.Error($"a popularity weight must be at least 0, not {value.Number()}.");
            }
            var weights = w.Mapping().ToDictionary(kv => kv.Key, kv => kv.Value.Number(), StringComparer.Ordinal);
            popularity = new ExplicitPopularity(weights);
            a.Record("weights", string.Join(",", weights.Select(kv => $"{kv.Key}={kv.Value}")));
        }
        else
        {
            string text = a.Text("popularity", "zipf(0.8)");
            var m = System.Text.RegularExpressions.Regex.Match(text, @"^zipf\(\s*([0-9.eE+-]+)\s*\)$");
            if (!m.Success || !double.TryParse(m.Groups[1].Value, System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture, out double s))
                throw (a.Raw("popularity") ?? a.Doc).Error($"popularity is zipf(s) or given by 'weights', not '{text}'.");
            if (!(s >= 0) || !double.IsFinite(s)) throw (a.Raw("popularity") ?? a.Doc).Error($"zipf(s) needs a finite s of at least 0 (0 is uniform), not {text}.");
            popularity = new ZipfPopularity(s);
        }
        var input = Range(a, "input", UnitKind.Bytes, SyntheticWorkload.DefaultInputBytes);
        var deadline = Range(scenario, "deadline", UnitKind.Time, null);
        return new SyntheticWorkload(arrivals, popularity, deadline, input);
    }

    /// <summary>A quantity given as one value or as {min, max} (uniform).</summary>
    private static Quantity Range(Section owner, string key, UnitKind kind, Quantity? fallback)
    {
        var doc = owner.Raw(key);
        if (doc is null)
        {
            if (fallback is null) throw owner.Doc.Error($"missing '{key}' ({Units.Expected(kind)}, or {{min, max}}).");
            owner.Record(key, fallback.ToString());
            return fallback;
        }
        // A deadline budget must be above 0; an input size at least 0.
        var domain = key == "deadline" ? Domain.Positive : Domain.NonNegative;
        if (!doc.IsMapping) return new ConstantQuantity(owner.Quantity(key, kind, null, domain));
        var r = owner.Child(key, "min", "max");
        double low = r.Quantity("min", kind, null, domain), high = r.Quantity("max", kind, null, domain);
        if (low > high) throw doc.Error($"'{key}' has min {low} above max {high}.");
        return new UniformQuantity(low, high);
    }

    /// <summary>A frozen depth: a whole number of layers from 0 (the generator refuses one deeper than its backbone).</summary>
    private static int Depth(YamlDoc doc)
    {
        long depth = doc.Integer();
        return depth is >= 0 and <= 10_000 ? (int)depth : throw doc.Error($"a frozen depth is a whole number of layers from 0, not {depth}.");
    }

    private static string Model(Catalog catalog, YamlDoc doc)
    {
        string id = doc.Text();
        return catalog.Contains(id) ? id : throw doc.Error($"unknown model '{id}'.{Spelling.Hint(id, catalog.Models.Select(m => m.Id))}");
    }

    private static T Profile<T>(Section owner, string key, IEnumerable<string> names, Func<string, T> find, string fallback)
    {
        string name = owner.Text(key, fallback);
        return names.Contains(name) ? find(name) : throw (owner.Raw(key) ?? owner.Doc).Error($"unknown profile '{name}'.{Spelling.Hint(name, names)} Known: {string.Join(", ", names)}.");
    }
}
