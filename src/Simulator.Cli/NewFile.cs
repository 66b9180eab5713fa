namespace Simulator.Cli;

/// <summary>
/// Files the commands write beside a user's own: never one that exists (least of all an input the command reads),
/// so nothing is lost. A refusal is an input error, exit 2.
/// </summary>
internal static class NewFile
{
    /// <summary>The full path of <paramref name="target"/>, which <paramref name="option"/> writes; refused when anything stands there.</summary>
    public static string At(FileInfo target, string option) =>
        target.Exists || Directory.Exists(target.FullName)
            ? throw new FormatException($"{target.FullName} exists: {option} never replaces a file (least of all one it reads); give a new name.")
            : target.FullName;

    /// <summary>
    /// Writes each file, unless one of them stands there with other contents (<paramref name="why"/> says what
    /// those would be): then none is written. Writing the same text again changes nothing.
    /// </summary>
    public static void WriteAll(IReadOnlyList<(string Path, string Text)> files, string why)
    {
        foreach (var (path, text) in files)
            if (File.Exists(path) && File.ReadAllText(path) != text)
                throw new FormatException($"{path} exists with other contents ({why}): it is never replaced; give another --out.");
        foreach (var (path, text) in files) File.WriteAllText(path, text);
    }
}
