using Simulator.Edge;
using Simulator.Strategies;

namespace Simulator.Plugin.Faults;

/// <summary>
/// `waits-at-gate`: serves the oldest request alone, but only the first cell to decide runs through; every later cell waits at
/// its first decision until the file <c>open</c> appears in the folder <c>gate</c> (the working folder unless given), as a strategy slow for reasons of its own.
/// A test that stops a run holds it so after exactly one cell, however fast the machine.
/// </summary>
[Strategy("waits-at-gate", "Test plugin: one request at a time; after the first cell, each cell waits at its first decision until gate/open exists.")]
public sealed class WaitsAtGateScheduler(string gate = ".") : IBatchScheduler
{
    private bool passed;

    public Plan Plan(SiteView view)
    {
        if (!passed)
        {
            passed = true;
            string open = Path.Combine(gate, "open");
            if (!File.Exists(open) && !First())
                while (!File.Exists(open)) Thread.Sleep(10);
        }
        return OldestAlone.Of(view);
    }

    /// <summary>Whether this cell is the first to decide: it makes the marker, which no later cell can make again.</summary>
    private bool First()
    {
        try
        {
            using var marker = new FileStream(Path.Combine(gate, "first"), FileMode.CreateNew);
            return true;
        }
        catch (IOException)
        {
            return false;
        }
    }
}
