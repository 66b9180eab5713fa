namespace Simulator.Experiments;

/// <summary>
/// A data file an experiment or a static round names (a catalog, a trace, coordinates, a placement). Its path starts
/// from the folder of the file that names it, <c>--set</c> values included, so an experiment and its results
/// folder's copy read the same files wherever they are run from.
/// </summary>
public static class InputFile
{
    /// <summary>The full path of <paramref name="given"/> from <paramref name="baseDirectory"/>; refused at <paramref name="at"/> when no file is there.</summary>
    public static string Existing(string baseDirectory, string given, YamlDoc at, string what)
    {
        string path = Path.Combine(baseDirectory, given);
        if (File.Exists(path)) return path;
        string hint = Path.IsPathRooted(given) ? "" : $" Paths in an experiment, --set ones too, start from its folder, {baseDirectory}.";
        throw at.Error($"{what} file '{path}' does not exist.{hint}");
    }
}
