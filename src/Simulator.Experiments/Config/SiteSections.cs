using System.Globalization;
using Simulator.Edge;

namespace Simulator.Experiments;

/// <summary>
/// The readers of the sections that describe a site and its cell, read the same wherever they appear: a lone
/// site's scenario, a round planned at once, every cloudlet of a network of sites (its <c>cloudlet</c> section),
/// and the radio of a network's users. Each reads its keys through their declarations (<see cref="SiteKeys"/>,
/// <see cref="UplinkKeys"/>, <see cref="ArrivalKeys"/>, <see cref="CatalogKeys"/>) and checks every value here,
/// before any run.
/// </summary>
public static class SiteSections
{
    private static readonly TableProfile ClockworkResNet50 = new(new[] { (1, 0.0033), (2, 0.0053), (4, 0.0075), (8, 0.0124) });

    /// <summary>The keys of a scenario that describes one site, its cell and its catalog.</summary>
    public static readonly SectionKey Catalog = new("catalog", CatalogKeys.Section, "The models and their blocks: a shipped catalog, a file, or a generator.");
    public static readonly SectionKey Site = new("site", SiteKeys.Section, "The edge server.");
    public static readonly SectionKey Uplink = new("uplink", UplinkKeys.Section, "The cell's radio.");
    public static readonly SectionKey Arrivals = new("arrivals", ArrivalKeys.Section, "The cell's workload.");

    /// <summary>The keys of a site and its cell (a lone site's scenario, each cloudlet of a network of sites).</summary>
    public static readonly IReadOnlyList<Key> SiteAndCell = new Key[] { Site, Uplink, Arrivals, ArrivalKeys.Deadline };

    /// <summary>A scenario of one site and its cell: <c>kind</c>, the catalog, the site and its cell.</summary>
    public static SectionSchema ScenarioSchema(string title, string help) =>
        new(title, help, new Key[] { ExperimentKeys.ScenarioKind, Catalog }.Concat(SiteAndCell).ToArray());

    /// <summary>
    /// A site (<c>site</c>, with its <c>uplink</c>) and its cell's workload (<c>arrivals</c>, <c>deadline</c>) from
    /// <paramref name="scenario"/>, checked against <paramref name="catalog"/>: every model must fit the GPU alone.
    /// </summary>
    public static (SiteSpec Site, IWorkload Workload) ReadSiteAndWorkload(Section scenario, Catalog catalog, ReadContext context)
    {
        string baseDirectory = context.BaseDirectory;
        var profiles = HardwareProfiles.Shipped;
        var site = scenario.Child(Site);
        var disk = Hardware(site, SiteKeys.Disk, SiteKeys.DiskSection, own => new DiskProfile("own", own.Get(SiteKeys.DiskRate), own.Get(SiteKeys.DiskAccess)), profiles.DiskNames, profiles.Disk, SiteKeys.Disk.Default);
        var gpu = site.Child(SiteKeys.Gpu);
        var device = Profile(gpu, SiteKeys.Device, profiles.GpuNames, profiles.Gpu);
        var pcie = Hardware(site, SiteKeys.Pcie, SiteKeys.PcieSection, own => new PcieProfile("own", own.Get(SiteKeys.PcieRate), own.Get(SiteKeys.PcieLatency)), profiles.PcieNames, profiles.Pcie, device.Pcie);
        var ram = site.Child(SiteKeys.Ram);
        long ramBytes = (long)ram.Get(SiteKeys.RamCapacity);
        var preload = RamPreload.Read(ram.Raw(SiteKeys.Preload), catalog, ramBytes);
        ram.Record(SiteKeys.Preload.Name, preload.Length == 0 ? "none" : string.Join(",", preload));
        var loading = site.Get(SiteKeys.Loading);
        var downlink = site.Child(SiteKeys.Downlink);
        var spec = new SiteSpec
        {
            Disk = disk,
            Pcie = pcie,
            GpuBytes = (long)gpu.Get(SiteKeys.Memory, device.MemoryBytes),
            Residency = gpu.Get(SiteKeys.Residency),
            Sharing = site.Get(SiteKeys.Sharing),
            Prefetch = gpu.Get(SiteKeys.Prefetch),
            RamBytes = ramBytes,
            RamPreload = preload,
            Loading = loading,
            LumpedBytesPerSecond = loading == LoadingMode.Lumped ? site.Get(SiteKeys.LumpedSpeed) : double.NaN,
            Timeline = site.Get(SiteKeys.Timeline),
            Admission = site.Get(SiteKeys.Admission),
            Replan = site.Get(SiteKeys.Replan),
            MaxBatch = site.Has(SiteKeys.MaxBatch) ? (int)site.Get(SiteKeys.MaxBatch) : null,
            Uplink = ReadUplink(scenario.Child(Uplink), downlink.Has(SiteKeys.DownlinkRate) ? 8 * downlink.Get(SiteKeys.DownlinkRate) : null, baseDirectory),
            ResultBytes = downlink.Get(SiteKeys.ResultBytes),
        };
        // The memory rule for one request, here rather than when the first site is built mid-run.
        foreach (var model in catalog.Models)
            if (catalog.Bytes(model) + model.ActivationBytesPerSample > spec.GpuBytes)
                throw (gpu.Raw(SiteKeys.Memory) ?? gpu.Raw(SiteKeys.Device) ?? site.Doc).Error(string.Create(CultureInfo.InvariantCulture,
                    $"model '{model.Id}' needs {catalog.Bytes(model):N0} bytes of weights plus {model.ActivationBytesPerSample:N0} of activations for one request, more than the GPU's {spec.GpuBytes:N0} bytes."));
        return (spec, ReadWorkload(scenario.Child(Arrivals), scenario, catalog, context));
    }

    /// <summary>A catalog from a catalog section: a shipped one by name, a file, or a generator with its parameters (pfm is the network kinds').</summary>
    public static Catalog ReadCatalog(Section c, string baseDirectory)
    {
        if (c.Schema!.Contains(CatalogKeys.Name.Name) && c.Has(CatalogKeys.Name))
        {
            string name = c.Get(CatalogKeys.Name);
            var text = ShippedCatalogs.Text(name) ?? throw c.Required(CatalogKeys.Name).Error($"no shipped catalog '{name}'.{Spelling.Hint(name, ShippedCatalogs.Names)} Shipped: {string.Join(", ", ShippedCatalogs.Names)}.");
            var doc = YamlDoc.Parse(text, $"experiments/catalogs/{name}.yaml").At(c.Doc.Path); // its values resolve under scenario.catalog
            return CatalogYaml.IsCatalog(doc) ? CatalogYaml.Read(doc) : ReadCatalog(new Section(doc, c.Binding, CatalogKeys.Description), baseDirectory);
        }
        if (c.Has(CatalogKeys.File))
        {
            string path = InputFile.Existing(baseDirectory, c.Get(CatalogKeys.File), c.Required(CatalogKeys.File), "catalog");
            c.Record("sha256", FileHash.Of(path));
            return CatalogYaml.Read(path);
        }
        // What a generator refuses (a frozen depth beyond its backbone) is the description's error, at its line.
        return c.Doc.Checked(() => Generate(c));
    }

    private static Catalog Generate(Section c)
    {
        InferenceProfile? Profile(Section owner, Key key) => owner.Raw(key) is { } p ? CatalogYaml.ReadProfile(p) : null;
        switch (c.Get(CatalogKeys.Generate))
        {
            case "backbone-sharing":
            {
                c.Required(CatalogKeys.Clusters);
                var clusters = c.Items(CatalogKeys.Clusters).Select(doc =>
                {
                    var k = c.Item(CatalogKeys.Clusters, doc);
                    string backbone = k.Get(CatalogKeys.Backbone);
                    var frozen = k.Required(CatalogKeys.Frozen).IsSequence ? k.Required(CatalogKeys.Frozen).Sequence().Select(Depth).ToArray() : new[] { Depth(k.Required(CatalogKeys.Frozen)) };
                    k.Record(CatalogKeys.Frozen.Name, string.Join(",", frozen));
                    var profile = Profile(k, CatalogKeys.ClusterProfile) ?? (backbone == "resnet50" ? ClockworkResNet50 : throw doc.Error($"'{backbone}' has no default inference profile with a source; give 'profile'."));
                    return new ClusterSpec(backbone, (int)k.Get(CatalogKeys.Variants), frozen, (int)k.Get(CatalogKeys.Classes), profile, (long)k.Get(CatalogKeys.ClusterActivation));
                }).ToArray();
                return BackboneSharingGenerator.Build(clusters);
            }
            case "general":
            {
                var size = c.Required(CatalogKeys.BlockSize).Sequence();
                if (size.Count != 2) throw c.Required(CatalogKeys.BlockSize).Error("block_size is [min, max].");
                double low = size[0].Quantity(UnitKind.Bytes), high = size[1].Quantity(UnitKind.Bytes);
                if (!(low >= 1 && low <= high)) throw c.Required(CatalogKeys.BlockSize).Error($"block_size [min, max] needs 1 B <= min <= max, not [{low}, {high}].");
                double share = c.Get(CatalogKeys.Share);
                if (c.Get(CatalogKeys.Models) * c.Get(CatalogKeys.BlocksPerModel) > 10_000_000)
                    throw c.Required(CatalogKeys.BlocksPerModel).Error(string.Create(CultureInfo.InvariantCulture, $"{c.Get(CatalogKeys.Models):N0} models of {c.Get(CatalogKeys.BlocksPerModel):N0} blocks: at most 10,000,000 blocks in all."));
                var spec = new GeneralSharingSpec((int)c.Get(CatalogKeys.Models), (int)c.Get(CatalogKeys.BlocksPerModel), (int)c.Get(CatalogKeys.Pool), share,
                    (long)low, (long)high, Profile(c, CatalogKeys.Profile) ?? throw c.Doc.Error("a general catalog needs 'profile'."), (long)c.Get(CatalogKeys.Activation));
                return GeneralSharingGenerator.Build(spec, new Random((int)c.Get(CatalogKeys.Seed)));
            }
            case "lora":
            {
                c.Required(CatalogKeys.Adapters);
                var adapters = c.Items(CatalogKeys.Adapters).Select(doc =>
                {
                    var a = c.Item(CatalogKeys.Adapters, doc);
                    var targets = a.Get(CatalogKeys.Targets);
                    return ((int)a.Get(CatalogKeys.Rank), targets);
                }).ToArray();
                return LoraGenerator.Build(adapters, Profile(c, CatalogKeys.Profile) ?? throw c.Doc.Error("a LoRA catalog needs 'profile'."), (long)c.Get(CatalogKeys.Activation));
            }
            default:
                throw c.Required(CatalogKeys.Generate).Error("the pfm generator draws the second paper's model families anew each replication: the network kinds take it, a site's scenario a catalog of its own.");
        }
    }

    /// <summary>A cell's radio; <paramref name="downlinkBitsPerSecond"/> is the site's (null: results return at once).</summary>
    internal static UplinkSpec ReadUplink(Section u, double? downlinkBitsPerSecond, string baseDirectory)
    {
        double noiseFigure = u.Get(UplinkKeys.NoiseFigure);
        PathLoss pathLoss = u.Get(UplinkKeys.PathLoss) switch
        {
            "free-space" => new FreeSpacePathLoss(u.Get(UplinkKeys.Carrier)),
            "log-distance" => new LogDistancePathLoss(u.Get(UplinkKeys.ReferenceLoss), u.Get(UplinkKeys.Exponent)),
            _ => new Uma3gppPathLoss(),
        };
        var fading = u.Get(UplinkKeys.Fading);
        double coherence = u.Get(UplinkKeys.Coherence);
        double? rho = u.Get(UplinkKeys.Correlation) ? Fading.GaussMarkovRho(u.Get(UplinkKeys.Speed), u.Get(UplinkKeys.Carrier), coherence) : null;
        return new UplinkSpec
        {
            BandwidthHz = u.Get(UplinkKeys.Bandwidth),
            TxPowerWatts = u.Get(UplinkKeys.TxPower),
            NoisePsdWattsPerHz = u.Get(UplinkKeys.NoisePsd) * Edge.Units.DbToLinear(noiseFigure),
            PathLoss = pathLoss,
            ShadowingSigmaDb = u.Get(UplinkKeys.Shadowing),
            Fading = fading,
            RiceK = fading == FadingKind.Rician ? u.Get(UplinkKeys.RiceK) : 0,
            CoherenceSeconds = coherence,
            GaussMarkovRho = rho,
            RequantizeOnCoherence = u.Get(UplinkKeys.RequantizeOnCoherence),
            Allocator = u.Get(UplinkKeys.Allocation),
            RateModel = u.Get(UplinkKeys.RateModel),
            Placement = ReadPlacement(u.Child(UplinkKeys.Placement), baseDirectory),
            DownlinkBitsPerSecond = downlinkBitsPerSecond,
        };
    }

    /// <summary>
    /// Where users stand: uniformly in an annulus (the default), at the points of a square grid inside it
    /// (<c>kind: grid, spacing</c>), or at the x,y coordinates of a CSV (<c>kind: file, file</c>).
    /// </summary>
    private static Placement ReadPlacement(Section placement, string baseDirectory)
    {
        string kind = placement.Get(UplinkKeys.PlacementKind);
        if (kind == "file")
        {
            string path = InputFile.Existing(baseDirectory, placement.Get(UplinkKeys.PlacementFile), placement.Required(UplinkKeys.PlacementFile), "placement");
            placement.Record("sha256", FileHash.Of(path));
            return new CsvPlacement(path);
        }
        double min = placement.Get(UplinkKeys.MinRadius), max = placement.Get(UplinkKeys.MaxRadius);
        if (min > max) throw (placement.Raw(UplinkKeys.MinRadius) ?? placement.Doc).Error($"min_radius {min} m lies beyond max_radius {max} m.");
        if (kind == "annulus") return new AnnulusPlacement(min, max);
        double spacing = placement.Get(UplinkKeys.Spacing);
        try
        {
            return new GridPlacement(spacing, min, max);
        }
        catch (ArgumentException ex)
        {
            throw placement.Required(UplinkKeys.Spacing).Error(ex.Message);
        }
    }

    private static IWorkload ReadWorkload(Section a, Section scenario, Catalog catalog, ReadContext context)
    {
        string process = a.Get(ArrivalKeys.Process);
        if (process == "trace")
        {
            string path = InputFile.Existing(context.BaseDirectory, a.Get(ArrivalKeys.File), a.Required(ArrivalKeys.File), "trace");
            a.Record("sha256", FileHash.Of(path));
            var trace = new TraceWorkload(path);
            trace.Check(catalog);
            // Requests count from the warm-up's end, and none arrives after the horizon: a trace with none between
            // would run every cell and report only zeros.
            var (warmup, horizon) = (context.Length.WarmupSeconds, context.Length.HorizonSeconds);
            if (trace.Count == 0)
                throw a.Required(ArrivalKeys.File).Error($"the trace {Path.GetFileName(path)} has no requests: its runs would measure nothing.");
            if (trace.Arrivals(warmup, horizon) == 0)
                throw a.Required(ArrivalKeys.File).Error(string.Create(CultureInfo.InvariantCulture,
                    $"no request of the trace {Path.GetFileName(path)} arrives between the warm-up's end ({warmup:0.###} s) and the horizon ({horizon:0.###} s), so its runs would measure nothing: its {trace.Count} request(s) arrive from {trace.First:0.###} s to {trace.Last:0.###} s."));
            return trace;
        }
        if (process == "batch-at-zero" && context.Length.WarmupSeconds > 0)
            throw a.Required(ArrivalKeys.Process).Error(string.Create(CultureInfo.InvariantCulture,
                $"batch-at-zero puts every request at t = 0, before the warm-up's end ({context.Length.WarmupSeconds:0.###} s): set warmup: 0 s."));
        ArrivalProcess arrivals = process switch
        {
            "mmpp" => Mmpp(a),
            "batch-at-zero" => new BatchAtZero((int)a.Get(ArrivalKeys.Count)),
            _ => new PoissonArrivals(a.Get(ArrivalKeys.Rate)),
        };
        Popularity popularity;
        if (a.Raw(ArrivalKeys.Weights) is { } w)
        {
            foreach (var (model, value) in w.Mapping())
            {
                if (!catalog.Contains(model)) throw value.Error($"popularity weights name unknown model '{model}'.{Spelling.Hint(model, catalog.Models.Select(m => m.Id))}");
                if (!(value.Number() >= 0)) throw value.Error($"a popularity weight must be at least 0, not {value.Number()}.");
            }
            var weights = w.Mapping().ToDictionary(kv => kv.Key, kv => kv.Value.Number(), StringComparer.Ordinal);
            popularity = new ExplicitPopularity(weights);
            w.Checked(() => popularity.Cumulative(catalog));
            a.Record(ArrivalKeys.Weights.Name, string.Join(",", weights.Select(kv => $"{kv.Key}={kv.Value}")));
        }
        else
        {
            string text = a.Get(ArrivalKeys.Popularity);
            var m = System.Text.RegularExpressions.Regex.Match(text, @"^zipf\(\s*([0-9.eE+-]+)\s*\)$");
            if (!m.Success || !double.TryParse(m.Groups[1].Value, NumberStyles.Float, CultureInfo.InvariantCulture, out double s))
                throw (a.Raw(ArrivalKeys.Popularity) ?? a.Doc).Error($"popularity is zipf(s) or given by 'weights', not '{text}'.");
            if (!(s >= 0) || !double.IsFinite(s)) throw (a.Raw(ArrivalKeys.Popularity) ?? a.Doc).Error($"zipf(s) needs a finite s of at least 0 (0 is uniform), not {text}.");
            popularity = new ZipfPopularity(s);
        }
        var input = Range(a, ArrivalKeys.Input, Domain.NonNegative, SyntheticWorkload.DefaultInputBytes);
        var deadline = Range(scenario, ArrivalKeys.Deadline, Domain.Positive, null);
        return new SyntheticWorkload(arrivals, popularity, deadline, input);
    }

    private static MmppArrivals Mmpp(Section a)
    {
        double on = a.Get(ArrivalKeys.RateOn), off = a.Get(ArrivalKeys.RateOff);
        // Each rate may be 0 (a silent phase), but with both no request ever arrives.
        if (on == 0 && off == 0)
            throw a.Required(ArrivalKeys.RateOn).Error("mmpp with rate_on and rate_off both 0 never sends a request, so its runs would measure nothing: give either a rate above 0.");
        return new MmppArrivals(on, off, a.Get(ArrivalKeys.MeanOn), a.Get(ArrivalKeys.MeanOff));
    }

    /// <summary>A quantity given as one value or as {min, max} (uniform), each end in <paramref name="domain"/>.</summary>
    private static Quantity Range(Section owner, RangeKey key, Domain domain, UniformQuantity? fallback)
    {
        var kind = key.UnitKind!.Value;
        var doc = owner.Raw(key);
        if (doc is null)
        {
            if (fallback is null) throw owner.Doc.Error($"missing '{key.Name}' ({Units.Expected(kind)}, or {{min, max}}).");
            // Recorded as the leaves a range written in the file gives, so the configuration lists the default in the
            // file's own terms.
            owner.Record($"{key.Name}.min", fallback.Low.ToString("R", CultureInfo.InvariantCulture));
            owner.Record($"{key.Name}.max", fallback.High.ToString("R", CultureInfo.InvariantCulture));
            return fallback;
        }
        if (!doc.IsMapping) return new ConstantQuantity(owner.Get(new QuantityKey(key.Name, kind, null, domain, key.Help)));
        var r = owner.Child(key, ArrivalKeys.MinMax);
        double low = r.Get(new QuantityKey("min", kind, null, domain, "")), high = r.Get(new QuantityKey("max", kind, null, domain, ""));
        if (low > high) throw doc.Error($"'{key.Name}' has min {low} above max {high}.");
        return new UniformQuantity(low, high);
    }

    /// <summary>A frozen depth: a whole number of layers from 0 (the generator refuses one deeper than its backbone).</summary>
    private static int Depth(YamlDoc doc)
    {
        long depth = doc.Integer();
        return depth is >= 0 and <= 10_000 ? (int)depth : throw doc.Error($"a frozen depth is a whole number of layers from 0, not {depth}.");
    }

    /// <summary>A device by its profile's name, or one of the user's own given by its values (a mapping of <paramref name="own"/>'s keys).</summary>
    private static T Hardware<T>(Section owner, ValueKey key, SectionSchema own, Func<Section, T> build, IEnumerable<string> names, Func<string, T> find, string fallback)
    {
        if (owner.Raw(key) is { IsMapping: true }) return build(owner.Child(key, own));
        string name = owner.Raw(key)?.Text() ?? fallback;
        owner.Record(key.Name, name);
        return HardwareProfiles.Named(name, owner.Raw(key) ?? owner.Doc, names, find, $"{{{string.Join(", ", own.Names)}}}");
    }

    private static T Profile<T>(Section owner, TextKey key, IEnumerable<string> names, Func<string, T> find) =>
        HardwareProfiles.Named(owner.Get(key), owner.Raw(key) ?? owner.Doc, names, find);
}
