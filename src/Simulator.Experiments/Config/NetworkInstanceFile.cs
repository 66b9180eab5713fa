using System.Globalization;
using System.Text.Json;
using Simulator.Edge;
using Simulator.Edge.Network;

namespace Simulator.Experiments;

/// <summary>
/// One network window as a file (JSON, which is also YAML), so that anyone can re-check a result with other
/// tools: the rules, the catalog's blocks and models, the cloudlets with what each holds, the links, and the
/// requests with their accuracy and output factor per model. Every value is SI with its unit in the key's
/// name (<c>capacity_bytes</c>, <c>latency_s</c>), written to round-trip exactly: solving a written window
/// gives the run's numbers bit for bit. Read strictly: unknown keys and impossible values are errors with the line.
/// </summary>
public static class NetworkInstanceFile
{
    public const string Kind = "network-window";

    /// <summary>Writes the window to a new file: an existing one is never replaced, and a failed write leaves none.</summary>
    public static void Write(NetworkInstance instance, string path)
    {
        string partial = path + ".partial";
        try
        {
            WriteTo(instance, partial);
            File.Move(partial, path, overwrite: false);
        }
        finally
        {
            File.Delete(partial);
        }
    }

    private static void WriteTo(NetworkInstance instance, string path)
    {
        using var stream = new FileStream(path, FileMode.CreateNew);
        using var json = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true });
        json.WriteStartObject();
        json.WriteString("kind", Kind);
        json.WriteString("links_profile", instance.Topology.Profile is PaperLinks ? "paper" : "realistic");
        json.WriteString("capacity", NetworkKeys.Capacity.NameOf(instance.Rules.Capacity));
        Number(json, "capacity_factor", instance.Rules.CapacityFactor);
        json.WriteString("sources", instance.Rules.Sources == SourceRule.Cloudlets ? "cloudlets" : "all");
        json.WriteStartArray("blocks");
        foreach (var b in instance.Catalog.Blocks)
        {
            json.WriteStartObject();
            json.WriteString("id", b.Id);
            json.WriteNumber("bytes", b.Bytes);
            json.WriteEndObject();
        }
        json.WriteEndArray();
        json.WriteStartArray("models");
        foreach (var m in instance.Catalog.Models)
        {
            json.WriteStartObject();
            json.WriteString("id", m.Id);
            json.WriteStartArray("blocks");
            foreach (var b in m.BlockIds) json.WriteStringValue(b);
            json.WriteEndArray();
            if (m.ComputeIntensity is { } phi) Number(json, "compute_intensity", phi);
            else Number(json, "inference_s", m.Profile.Seconds(1));
            json.WriteEndObject();
        }
        json.WriteEndArray();
        json.WriteStartArray("cloudlets");
        foreach (var c in instance.Cloudlets)
        {
            json.WriteStartObject();
            Number(json, "x_m", c.Position.X);
            Number(json, "y_m", c.Position.Y);
            Number(json, "capacity_bytes", c.CapacityBytes);
            Number(json, "processing_rate", c.ProcessingRate);
            Number(json, "access_rate", c.AccessRate);
            Number(json, "peak_power_w", c.PeakPower);
            Number(json, "idle_power_w", c.IdlePower);
            Number(json, "leak_power_w", c.LeakPower);
            Number(json, "tx_power_w", c.TxPower);
            Number(json, "arrival_rate_per_s", c.ArrivalRate);
            Number(json, "service_rate_per_s", c.ServiceRate);
            json.WriteStartArray("holds");
            foreach (var b in instance.Holdings[c.Index].Order(StringComparer.Ordinal)) json.WriteStringValue(b);
            json.WriteEndArray();
            json.WriteEndObject();
        }
        json.WriteEndArray();
        json.WriteStartArray("links");
        foreach (var l in instance.Topology.Links)
        {
            json.WriteStartObject();
            json.WriteNumber("a", l.A);
            json.WriteNumber("b", l.B);
            json.WriteString("class", l.Class == LinkClass.Metro ? "metro" : "backhaul");
            Number(json, "latency_s", l.Cost.LatencySeconds);
            Number(json, "seconds_per_byte", l.Cost.SecondsPerByte);
            json.WriteEndObject();
        }
        json.WriteEndArray();
        json.WriteStartArray("requests");
        foreach (var r in instance.Requests)
        {
            json.WriteStartObject();
            json.WriteNumber("id", r.Id);
            json.WriteNumber("home", r.Home);
            json.WriteNumber("instructions", r.Instructions);
            Number(json, "budget", r.Budget);
            Number(json, "accuracy_requirement", r.AccuracyRequirement);
            Number(json, "input_bytes", r.InputBytes);
            Number(json, "uplink_bytes_per_s", r.UplinkBytesPerSecond);
            Numbers(json, "accuracy", r.Accuracy);
            Numbers(json, "output_factor", r.OutputFactor);
            json.WriteEndObject();
        }
        json.WriteEndArray();
        json.WriteEndObject();
    }

    // "R" text, written raw: the reader parses exactly the double that was written.
    private static void Number(Utf8JsonWriter json, string name, double v)
    {
        if (!double.IsFinite(v)) throw new InvalidOperationException($"{name} is {v}: not writable as a number.");
        json.WritePropertyName(name);
        json.WriteRawValue(v.ToString("R", CultureInfo.InvariantCulture));
    }

    private static void Numbers(Utf8JsonWriter json, string name, IReadOnlyList<double> values)
    {
        json.WriteStartArray(name);
        foreach (var v in values) json.WriteRawValue(v.ToString("R", CultureInfo.InvariantCulture));
        json.WriteEndArray();
    }

    public static NetworkInstance Read(string path) => Read(YamlDoc.Load(path));

    public static NetworkInstance Read(YamlDoc doc)
    {
        var top = doc.Mapping("kind", "links_profile", "capacity", "capacity_factor", "sources", "blocks", "models", "cloudlets", "links", "requests");
        YamlDoc Get(IReadOnlyDictionary<string, YamlDoc> map, YamlDoc at, string key) => map.TryGetValue(key, out var v) ? v : throw at.Error($"missing '{key}'.");
        double NonNegative(IReadOnlyDictionary<string, YamlDoc> map, YamlDoc at, string key, bool positive = false)
        {
            var v = Get(map, at, key);
            double x = v.Number();
            if (positive ? !(x > 0) : !(x >= 0)) throw v.Error($"'{key}' must be {(positive ? "above" : "at least")} 0, not {x}.");
            return x;
        }
        double Fraction(YamlDoc v, string what)
        {
            double x = v.Number();
            return x is >= 0 and <= 1 ? x : throw v.Error($"{what} must be from 0 to 1, not {x.ToString("R", CultureInfo.InvariantCulture)}.");
        }
        int Whole(IReadOnlyDictionary<string, YamlDoc> map, YamlDoc at, string key)
        {
            var v = Get(map, at, key);
            long x = v.Integer();
            return x is >= 0 and <= int.MaxValue ? (int)x : throw v.Error(string.Create(CultureInfo.InvariantCulture, $"'{key}' must be a whole number from 0 to {int.MaxValue:N0}, not {x}."));
        }
        string Choice(string key, params string[] allowed)
        {
            var v = Get(top, doc, key);
            string t = v.Text();
            return allowed.Contains(t) ? t : throw v.Error($"'{t}' is not one of {string.Join(", ", allowed)}.{Spelling.Hint(t, allowed)}");
        }
        if (Get(top, doc, "kind").Text() != Kind) throw top["kind"].Error($"expected kind: {Kind}.");
        LinkProfile profile = Choice("links_profile", "paper", "realistic") == "paper"
            ? new PaperLinks()
            : new RealisticLinks(1, 0, 1, 0); // only how paths compose is read; the links below carry the values
        var capacity = NetworkKeys.Capacity.ValueOf(Choice("capacity", NetworkKeys.Capacity.Names.ToArray()));
        var sources = Choice("sources", "cloudlets", "all") == "cloudlets" ? SourceRule.Cloudlets : SourceRule.All;
        double alpha = NonNegative(top, doc, "capacity_factor");
        var blockLines = new Dictionary<string, YamlDoc>(StringComparer.Ordinal);
        var blocks = Get(top, doc, "blocks").Sequence().Select(b =>
        {
            var f = b.Mapping("id", "bytes");
            string id = CatalogYaml.Register(blockLines, Get(f, b, "id"), b, "block");
            long bytes = Get(f, b, "bytes").Integer();
            return bytes >= 0 ? new Block(id, bytes) : throw f["bytes"].Error($"a block's size must be at least 0, not {bytes}.");
        }).ToArray();
        var modelLines = new Dictionary<string, YamlDoc>(StringComparer.Ordinal);
        var models = Get(top, doc, "models").Sequence().Select(m =>
        {
            var f = m.Mapping("id", "blocks", "compute_intensity", "inference_s");
            string id = CatalogYaml.Register(modelLines, Get(f, m, "id"), m, "model");
            var ids = CatalogYaml.BlockList(Get(f, m, "blocks"), id, blockLines);
            double? phi = f.ContainsKey("compute_intensity") ? NonNegative(f, m, "compute_intensity", positive: true) : null;
            double seconds = phi is null ? NonNegative(f, m, "inference_s") : 0;
            return new Model(id, ids, new AffineProfile(0, seconds), 0, ComputeIntensity: phi);
        }).ToArray();
        if (models.Length == 0) throw top["models"].Error("a network window needs at least one model.");
        var catalog = doc.Checked(() => new Catalog(blocks, models)); // what the per-entry checks above cannot see
        var blockIds = catalog.Blocks.Select(b => b.Id).ToHashSet(StringComparer.Ordinal);
        var cloudletDocs = Get(top, doc, "cloudlets").Sequence();
        if (cloudletDocs.Count == 0) throw top["cloudlets"].Error("a network window needs at least one cloudlet.");
        if (cloudletDocs.Count > NetworkKeys.MaxCloudlets)
            throw top["cloudlets"].Error(string.Create(CultureInfo.InvariantCulture, $"{cloudletDocs.Count:N0} cloudlets: at most {NetworkKeys.MaxCloudlets:N0} (routes are kept between every pair)."));
        var holdings = new List<IReadOnlySet<string>>();
        var cloudlets = cloudletDocs.Select((c, i) =>
        {
            var f = c.Mapping("x_m", "y_m", "capacity_bytes", "processing_rate", "access_rate", "peak_power_w", "idle_power_w", "leak_power_w", "tx_power_w", "arrival_rate_per_s", "service_rate_per_s", "holds");
            var held = Get(f, c, "holds").Sequence().Select(h => blockIds.Contains(h.Text()) ? h.Text() : throw h.Error($"unknown block '{h.Text()}'.{Spelling.Hint(h.Text(), catalog.Blocks.Select(b => b.Id))}")).ToHashSet(StringComparer.Ordinal);
            holdings.Add(held);
            double lambda = NonNegative(f, c, "arrival_rate_per_s"), mu = NonNegative(f, c, "service_rate_per_s", positive: true);
            if (lambda >= mu)
                throw f["arrival_rate_per_s"].Error($"cloudlet {i}: arrival_rate_per_s {lambda.ToString("R", CultureInfo.InvariantCulture)} is at or above service_rate_per_s {mu.ToString("R", CultureInfo.InvariantCulture)}, so its queue is unstable (the wait is infinite); keep it below.");
            return new Cloudlet(i, new Position(Get(f, c, "x_m").Number(), Get(f, c, "y_m").Number()), NonNegative(f, c, "capacity_bytes"), NonNegative(f, c, "processing_rate", positive: true),
                NonNegative(f, c, "access_rate"), NonNegative(f, c, "peak_power_w"), NonNegative(f, c, "idle_power_w"), NonNegative(f, c, "leak_power_w"), NonNegative(f, c, "tx_power_w"),
                lambda, mu);
        }).ToArray();
        int nodes = cloudlets.Length + 1;
        var links = Get(top, doc, "links").Sequence().Select(l =>
        {
            var f = l.Mapping("a", "b", "class", "latency_s", "seconds_per_byte");
            long a = Get(f, l, "a").Integer(), b = Get(f, l, "b").Integer();
            if (a < 0 || a >= nodes || b < 0 || b >= nodes || a == b) throw l.Error($"a link joins two of the nodes 0..{nodes - 1} (the data centre is {nodes - 1}), not {a} and {b}.");
            string kind = Get(f, l, "class").Text();
            if (kind is not ("metro" or "backhaul")) throw f["class"].Error($"'{kind}' is not one of metro, backhaul.");
            return new Link((int)a, (int)b, kind == "metro" ? LinkClass.Metro : LinkClass.Backhaul, new LinkCost(NonNegative(f, l, "latency_s"), NonNegative(f, l, "seconds_per_byte")));
        }).ToArray();
        Topology topology;
        try
        {
            topology = new Topology(cloudlets.Select(c => c.Position).ToArray(), links, profile);
        }
        catch (ArgumentException ex)
        {
            throw top["links"].Error(ex.Message.Split(" (Parameter")[0]);
        }
        var ids = new Dictionary<int, int>();
        var requests = Get(top, doc, "requests").Sequence().Select(r =>
        {
            var f = r.Mapping("id", "home", "instructions", "budget", "accuracy_requirement", "input_bytes", "uplink_bytes_per_s", "accuracy", "output_factor");
            int id = Whole(f, r, "id");
            if (!ids.TryAdd(id, r.Line)) throw f["id"].Error($"request id {id} is given twice (first at line {ids[id]}): ids are unique.");
            int home = Whole(f, r, "home");
            if (home >= cloudlets.Length) throw f["home"].Error($"home {home} is not a cloudlet (0..{cloudlets.Length - 1}).");
            double[] PerModel(string key, Func<YamlDoc, double> read)
            {
                var list = Get(f, r, key).Sequence();
                if (list.Count != catalog.Models.Count) throw f[key].Error($"'{key}' gives {list.Count} values for {catalog.Models.Count} models.");
                return list.Select(read).ToArray();
            }
            var requirement = Fraction(Get(f, r, "accuracy_requirement"), "'accuracy_requirement'");
            var accuracy = PerModel("accuracy", v => Fraction(v, "an accuracy"));
            var outputFactor = PerModel("output_factor", v => v.Number() is var x && x >= 0 ? x : throw v.Error($"an output factor must be at least 0, not {x.ToString("R", CultureInfo.InvariantCulture)}."));
            return new NetworkRequest(id, home, 0, Whole(f, r, "instructions"), NonNegative(f, r, "budget"), requirement,
                NonNegative(f, r, "input_bytes"), NonNegative(f, r, "uplink_bytes_per_s", positive: true), accuracy, outputFactor);
        }).ToArray();
        if (requests.Length == 0) throw top["requests"].Error("a network window needs at least one request: with none there is nothing to place.");
        return new NetworkInstance(topology, cloudlets, catalog, holdings, requests, new NetworkRules(capacity, alpha, sources));
    }
}
