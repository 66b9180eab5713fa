using System.Text.Json;

namespace Simulator.Experiments;

/// <summary>
/// How the environment protocol writes its values (docs/environments.md): numbers as JSON numbers, and a number
/// JSON cannot hold (an infinite bound, an undefined metric) as null.
/// </summary>
public static class ProtocolJson
{
    /// <summary>Messages are written as they read: quotes and apostrophes not escaped beyond what JSON needs.</summary>
    public static readonly JsonWriterOptions Writing = new() { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// <summary>The version of the protocol: a client that expects another refuses the server.</summary>
    public const int Version = 1;

    /// <summary>
    /// The first key an object of <paramref name="message"/> gives twice, as its path (<c>action</c>, <c>id.a</c>),
    /// or null. JSON readers differ on such a message (this one would take the last value), so it is refused.
    /// </summary>
    public static string? RepeatedKey(JsonElement message, string path = "")
    {
        switch (message.ValueKind)
        {
            case JsonValueKind.Object:
                var seen = new HashSet<string>(StringComparer.Ordinal);
                foreach (var property in message.EnumerateObject())
                {
                    string at = path.Length == 0 ? property.Name : $"{path}.{property.Name}";
                    if (!seen.Add(property.Name)) return at;
                    if (RepeatedKey(property.Value, at) is { } inner) return inner;
                }
                return null;
            case JsonValueKind.Array:
                int i = 0;
                foreach (var item in message.EnumerateArray())
                    if (RepeatedKey(item, $"{path}[{i++}]") is { } inner) return inner;
                return null;
            default:
                return null;
        }
    }

    public static void Number(Utf8JsonWriter json, double value)
    {
        if (double.IsFinite(value)) json.WriteNumberValue(value);
        else json.WriteNullValue();
    }

    /// <summary>An array of numbers: a property when <paramref name="name"/> is given, else a value (an array's item).</summary>
    public static void Numbers(Utf8JsonWriter json, string? name, ReadOnlySpan<double> values)
    {
        if (name is null) json.WriteStartArray();
        else json.WriteStartArray(name);
        foreach (double v in values) Number(json, v);
        json.WriteEndArray();
    }

    public static void Numbers(Utf8JsonWriter json, string name, IReadOnlyList<double> values)
    {
        json.WriteStartArray(name);
        foreach (double v in values) Number(json, v);
        json.WriteEndArray();
    }

    public static void Flags(Utf8JsonWriter json, string? name, ReadOnlySpan<bool> values)
    {
        if (name is null) json.WriteStartArray();
        else json.WriteStartArray(name);
        foreach (bool v in values) json.WriteBooleanValue(v);
        json.WriteEndArray();
    }

    public static void Info(Utf8JsonWriter json, IReadOnlyDictionary<string, double> info, MetricValues? metrics = null)
    {
        json.WriteStartObject();
        foreach (var (key, value) in info)
        {
            json.WritePropertyName(key);
            Number(json, value);
        }
        if (metrics is not null)
        {
            json.WriteStartObject("metrics");
            for (int i = 0; i < metrics.Count; i++)
            {
                json.WritePropertyName(metrics.Set.Metrics[i].Name);
                Number(json, metrics[i]);
            }
            json.WriteEndObject();
        }
        json.WriteEndObject();
    }

    /// <summary>The decision space: the observation's names and bounds, the actions, what the reward counts.</summary>
    public static void Space(Utf8JsonWriter json, string name, DecisionSpace space)
    {
        json.WriteStartObject(name);
        json.WriteStartObject("observation");
        json.WriteStartArray("names");
        foreach (var n in space.Observation) json.WriteStringValue(n);
        json.WriteEndArray();
        Numbers(json, "low", space.Low);
        Numbers(json, "high", space.High);
        json.WriteEndObject();
        json.WriteStartArray("actions");
        foreach (var a in space.Actions) json.WriteStringValue(a);
        json.WriteEndArray();
        json.WriteString("reward", space.Reward);
        json.WriteEndObject();
    }
}
