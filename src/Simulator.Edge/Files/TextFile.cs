using System.Globalization;

namespace Simulator.Edge;

/// <summary>
/// The bounds every text input (config, trace, coordinates) is held to before it is parsed: a size read before the
/// content, lines of bounded length, and text only, so that a binary file given by mistake is refused at its line
/// and never echoed to the terminal.
/// </summary>
public static class TextFile
{
    /// <summary>The largest input file, checked before it is read.</summary>
    public const long MaxBytes = 256L << 20;

    /// <summary>The longest line an input may have.</summary>
    public const int MaxLineLength = 100_000;

    /// <summary>The file's lines, refused (<see cref="FormatException"/> with <c>path:line:</c>) when too large, too wide or not text.</summary>
    public static string[] ReadLines(string path) => ReadLines(path, (line, problem) => new FormatException($"{path}:{line}: {problem}"));

    /// <summary>The file's lines, refused with <paramref name="error"/>(line, problem) when too large, too wide or not text.</summary>
    public static string[] ReadLines(string path, Func<int, string, Exception> error)
    {
        if (Size(path) is { } problem) throw error(1, problem);
        var lines = File.ReadAllLines(path);
        for (int n = 0; n < lines.Length; n++)
            if (LineProblem(lines[n]) is { } bad) throw error(n + 1, bad);
        return lines;
    }

    /// <summary>Why a file is too large to read (null: it is not), decided from its length alone.</summary>
    public static string? Size(string path, long max = MaxBytes)
    {
        long bytes = new FileInfo(path).Length;
        return bytes > max ? string.Create(CultureInfo.InvariantCulture, $"the file has {bytes:N0} bytes, more than the {max:N0} an input may have: is it the file you meant?") : null;
    }

    /// <summary>What makes a line unreadable as text (null: nothing): its length, a control character, bytes that are not UTF-8.</summary>
    public static string? LineProblem(string line)
    {
        if (line.Length > MaxLineLength) return string.Create(CultureInfo.InvariantCulture, $"a line of {line.Length:N0} characters, more than the {MaxLineLength:N0} a line may have.");
        foreach (char c in line)
        {
            if (char.IsControl(c) && c is not ('\t' or '\r'))
                return string.Create(CultureInfo.InvariantCulture, $"a control character (0x{(int)c:x2}): this is not a text file, and an input file is one.");
            // What the decoder puts for bytes that are not UTF-8.
            if (c == '\uFFFD') return "bytes that are not UTF-8 text: this is not a text file (or not saved as UTF-8), and an input file is one.";
        }
        return null;
    }
}
