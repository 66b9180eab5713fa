namespace Simulator.Edge;

/// <summary>"Did you mean" for names typed by people: the closest known name, if close enough to be a typo.</summary>
public static class Spelling
{
    public static string? Suggest(string given, IEnumerable<string> known)
    {
        var best = known.Select(k => (Name: k, Distance: Distance(given, k))).OrderBy(x => x.Distance).FirstOrDefault();
        return best.Name is not null && best.Distance <= Math.Max(2, given.Length / 3) ? best.Name : null;
    }

    /// <summary>" Did you mean 'x'?" or nothing, ready to append to a message.</summary>
    public static string Hint(string given, IEnumerable<string> known) => Suggest(given, known) is { } s ? $" Did you mean '{s}'?" : "";

    private static int Distance(string a, string b)
    {
        var d = new int[b.Length + 1];
        for (int j = 0; j <= b.Length; j++) d[j] = j;
        for (int i = 1; i <= a.Length; i++)
        {
            int previous = d[0];
            d[0] = i;
            for (int j = 1; j <= b.Length; j++)
            {
                int kept = d[j];
                d[j] = Math.Min(Math.Min(d[j] + 1, d[j - 1] + 1), previous + (a[i - 1] == b[j - 1] ? 0 : 1));
                previous = kept;
            }
        }
        return d[b.Length];
    }
}
