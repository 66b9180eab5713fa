using Simulator.Edge;

namespace Simulator.Experiments;

/// <summary>
/// A static scheduling round (docs/site.md section 5) read from YAML or JSON:
/// <code>
/// catalog: catalogs/two-clusters.yaml          # a catalog file (relative to this file), or a catalog inline
/// site: {disk: hdd-7200, gpu: rtx4090, timeline: sequential}   # pcie defaults to the GPU's; gpu_memory may replace gpu
///   # optional: ram: {capacity: 8 GB, preload: all}, loading: lumped with lumped_speed: 2 GB/s
/// uplink: {bandwidth: 20 MHz, tx_power: 23 dBm, noise_psd: -174 dBm/Hz, allocation: optimal, rate_model: fixed-psd}
/// resident: {model: c0/v1}                      # or {blocks: [...]}; default: nothing resident
/// users:
///   - {id: 1, model: c0/v0, bytes: 300 kB, efficiency: 5.2, deadline: 2 s}   # efficiency in bit/s/Hz
///   - {id: 2, model: c0/v1, bytes: 250 kB, distance: 120 m, deadline: 1.5 s}  # or the distance to the base station
/// </code>
/// Every user is present at t = 0. Errors name the file, line and path.
/// </summary>
public static class StaticInstanceYaml
{
    public static SiteView Read(string file) => Read(YamlDoc.Load(file), Path.GetDirectoryName(Path.GetFullPath(file))!);

    public static SiteView Read(YamlDoc doc, string baseDirectory)
    {
        var top = doc.Mapping("catalog", "site", "uplink", "resident", "users");
        var catalog = ReadCatalog(Need(doc, top, "catalog"), baseDirectory);
        var site = Need(doc, top, "site").Mapping("disk", "pcie", "gpu", "gpu_memory", "timeline", "max_batch", "ram", "loading", "lumped_speed");
        var profiles = HardwareProfiles.Shipped;
        var disk = Hardware(Need(doc, site, "disk"), SiteKeys.DiskRate, SiteKeys.DiskAccess, (rate, access) => new DiskProfile("own", rate, access), profiles.DiskNames, profiles.Disk);
        GpuProfile? gpu = site.TryGetValue("gpu", out var g) ? Profile(g, profiles.GpuNames, profiles.Gpu) : null;
        long gpuBytes = site.TryGetValue("gpu_memory", out var gm) ? (long)gm.Quantity(UnitKind.Bytes, Domain.Positive)
            : gpu?.MemoryBytes ?? throw doc.Error("site: give 'gpu' (a profile name) or 'gpu_memory'.");
        var pcie = site.TryGetValue("pcie", out var pc) ? Hardware(pc, SiteKeys.PcieRate, SiteKeys.PcieLatency, (rate, latency) => new PcieProfile("own", rate, latency), profiles.PcieNames, profiles.Pcie)
            : gpu is not null ? profiles.Pcie(gpu.Pcie) : throw doc.Error("site: give 'pcie' when the GPU is given by 'gpu_memory'.");
        var timeline = site.TryGetValue("timeline", out var tl) ? Choice(tl, new Dictionary<string, Timeline> { ["overlap"] = Timeline.Overlap, ["sequential"] = Timeline.Sequential, ["pipelined"] = Timeline.Pipelined }) : Timeline.Overlap;
        int? maxBatch = site.TryGetValue("max_batch", out var mb) ? MaxBatch(mb) : null;
        var uplink = ReadUplink(top.TryGetValue("uplink", out var up) ? up : null);
        var (ramBytes, preload) = site.TryGetValue("ram", out var rm0) ? ReadRam(rm0, catalog) : (0L, Array.Empty<string>());
        var loading = site.TryGetValue("loading", out var ld) ? Choice(ld, new Dictionary<string, LoadingMode> { ["pipelined"] = LoadingMode.Pipelined, ["lumped"] = LoadingMode.Lumped }) : LoadingMode.Pipelined;
        double lumped = double.NaN;
        if (site.TryGetValue("lumped_speed", out var ls))
        {
            if (loading != LoadingMode.Lumped) throw ls.Error("'lumped_speed' applies only with 'loading: lumped'.");
            lumped = ls.Quantity(UnitKind.ByteRate);
            if (!(lumped > 0) || double.IsInfinity(lumped)) throw ls.Error($"the lumped loading speed must be a positive rate, not {lumped}.");
        }
        else if (loading == LoadingMode.Lumped) throw ld!.Error("'loading: lumped' needs 'lumped_speed' (bytes per second, e.g. 2 GB/s).");
        var spec = new SiteSpec
        {
            Disk = disk, Pcie = pcie, GpuBytes = gpuBytes, Timeline = timeline, MaxBatch = maxBatch, Uplink = uplink,
            RamBytes = ramBytes, RamPreload = preload, Loading = loading, LumpedBytesPerSecond = lumped,
        };

        var resident = new HashSet<string>(StringComparer.Ordinal);
        if (top.TryGetValue("resident", out var res))
        {
            var r = res.Mapping("model", "blocks");
            if (r.TryGetValue("model", out var rm)) resident.UnionWith(CatalogYaml.Model(catalog, rm).BlockIds);
            if (r.TryGetValue("blocks", out var rb))
                foreach (var b in rb.Sequence())
                {
                    string id = b.Text();
                    if (!catalog.Blocks.Any(x => x.Id == id)) throw b.Error($"unknown block '{id}'.{Spelling.Hint(id, catalog.Blocks.Select(x => x.Id))}");
                    resident.Add(id);
                }
        }
        var users = new List<QueuedRequest>();
        var ids = new HashSet<long>();
        foreach (var u in Need(doc, top, "users").Sequence())
        {
            var f = u.Mapping("id", "model", "bytes", "efficiency", "distance", "deadline");
            long id = Need(u, f, "id").Integer();
            if (!ids.Add(id)) throw f["id"].Error($"user id {id} appears twice.");
            var model = CatalogYaml.Model(catalog, Need(u, f, "model"));
            double bytes = Need(u, f, "bytes").Quantity(UnitKind.Bytes);
            if (!(bytes >= 0)) throw f["bytes"].Error($"an input size must be at least 0, not {bytes} B.");
            double bits = 8 * bytes;
            double snrHz;
            if (f.TryGetValue("efficiency", out var eff) == f.ContainsKey("distance")) throw u.Error("give exactly one of 'efficiency' (bit/s/Hz) and 'distance' (m).");
            if (eff is not null)
            {
                double eta = eff.Number();
                if (!(eta > 0)) throw eff.Error($"a spectral efficiency must be positive, not {eta}.");
                snrHz = uplink.BandwidthHz * (Math.Pow(2, eta) - 1);
            }
            else
            {
                double metres = f["distance"].Quantity(UnitKind.Length, Domain.Positive);
                snrHz = uplink.TxPowerWatts * Math.Pow(10, -uplink.PathLoss.Db(metres) / 10) / uplink.NoisePsdWattsPerHz;
            }
            double deadline = Need(u, f, "deadline").Quantity(UnitKind.Time, Domain.Positive);
            users.Add(new QueuedRequest(id, model.Id, bits, snrHz, Math.Log2(1 + snrHz / uplink.BandwidthHz), 0, deadline));
        }
        if (users.Count == 0) throw top["users"].Error("an instance needs at least one user.");
        var loads = new LoadEstimator(catalog, disk, pcie, spec.Loading, spec.LumpedBytesPerSecond);
        var ram = new RamCache(spec.RamBytes);
        ram.Preload(catalog, spec.RamPreload);
        var view = new SiteView(0, users, resident, new HashSet<string>(ram, StringComparer.Ordinal), catalog, loads, spec);
        foreach (var m in users.Select(x => x.ModelId).Distinct().Select(catalog.Model))
            if (view.MaxBatchSize(m) < 1) throw (gm ?? g ?? doc).Error($"model '{m.Id}' needs {catalog.Bytes(m) + m.ActivationBytesPerSample:N0} bytes for one request, more than the GPU's {gpuBytes:N0}.");
        return view;
    }

    /// <summary><c>ram: {capacity: 8 GB, preload: none | all | [model, ...]}</c>, as in experiment files.</summary>
    private static (long Bytes, string[] Preload) ReadRam(YamlDoc doc, Catalog catalog)
    {
        var f = doc.Mapping("capacity", "preload");
        long bytes = 0;
        if (f.TryGetValue("capacity", out var c))
        {
            double q = c.Quantity(UnitKind.Bytes);
            if (!(q >= 0) || q > long.MaxValue) throw c.Error($"the RAM capacity must be a non-negative size, not {q}.");
            bytes = (long)q;
        }
        return (bytes, RamPreload.Read(f.GetValueOrDefault("preload"), catalog, bytes));
    }

    private static Catalog ReadCatalog(YamlDoc doc, string baseDirectory)
    {
        if (doc.IsMapping) return CatalogYaml.Read(doc);
        return CatalogYaml.Read(InputFile.Existing(baseDirectory, doc.Text(), doc, "catalog"));
    }

    private static UplinkSpec ReadUplink(YamlDoc? doc)
    {
        var spec = new UplinkSpec { ShadowingSigmaDb = 0, Fading = FadingKind.None };
        if (doc is null) return spec;
        var f = doc.Mapping("bandwidth", "tx_power", "noise_psd", "allocation", "rate_model");
        if (f.TryGetValue("bandwidth", out var b)) spec = spec with { BandwidthHz = b.Quantity(UnitKind.Frequency, Domain.Positive) };
        if (f.TryGetValue("tx_power", out var p)) spec = spec with { TxPowerWatts = p.Quantity(UnitKind.Power, Domain.Positive) };
        if (f.TryGetValue("noise_psd", out var n)) spec = spec with { NoisePsdWattsPerHz = n.Quantity(UnitKind.PowerSpectralDensity, Domain.Positive) };
        if (f.TryGetValue("allocation", out var a))
            spec = spec with { Allocator = Choice(a, Allocators.Names.ToDictionary(n => n, n => Allocators.Named(n)!)) };
        if (f.TryGetValue("rate_model", out var r))
            spec = spec with { RateModel = Choice(r, new Dictionary<string, RateModel> { ["fixed-psd"] = RateModel.FixedPsd, ["fixed-power"] = RateModel.FixedPower }) };
        return spec;
    }

    private static int MaxBatch(YamlDoc doc)
    {
        long n = doc.Integer();
        return n is >= 1 and <= int.MaxValue ? (int)n : throw doc.Error($"'max_batch' must be a whole number from 1, not {n}.");
    }


    /// <summary>A disk or link by its profile's name, or the user's own as {rate, access} or {rate, latency}, in the units experiment files take.</summary>
    private static T Hardware<T>(YamlDoc doc, QuantityKey rate, QuantityKey delay, Func<double, double, T> build, IEnumerable<string> names, Func<string, T> find)
    {
        if (!doc.IsMapping) return HardwareProfiles.Named(doc.Text(), doc, names, find, $"{{{rate.Name}, {delay.Name}}}");
        var f = doc.Mapping(rate.Name, delay.Name);
        YamlDoc Given(QuantityKey key) => f.TryGetValue(key.Name, out var v) ? v : throw doc.Error($"missing '{key.Name}' ({Units.Expected(key.UnitKind)}).");
        return build(Given(rate).Quantity(rate.UnitKind, rate.Domain), Given(delay).Quantity(delay.UnitKind, delay.Domain));
    }

    private static T Profile<T>(YamlDoc doc, IEnumerable<string> names, Func<string, T> find) => HardwareProfiles.Named(doc.Text(), doc, names, find);

    private static T Choice<T>(YamlDoc doc, Dictionary<string, T> choices)
    {
        string text = doc.Text();
        return choices.TryGetValue(text, out var v) ? v : throw doc.Error($"'{text}' is not one of {string.Join(", ", choices.Keys)}.{Spelling.Hint(text, choices.Keys)}");
    }

    private static YamlDoc Need(YamlDoc owner, IReadOnlyDictionary<string, YamlDoc> fields, string key) =>
        fields.TryGetValue(key, out var v) ? v : throw owner.Error($"missing '{key}'.");
}
