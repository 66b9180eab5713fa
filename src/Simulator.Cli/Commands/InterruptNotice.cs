using System.Runtime.InteropServices;

namespace Simulator.Cli;

/// <summary>
/// What a run says when it is stopped (Ctrl+C, or SIGTERM from a batch system's time limit or <c>scancel</c>): how many
/// cells its folder keeps and how to resume them. A run without <c>--out</c> writes into a new timestamped folder each
/// time, so the same command would start over; the notice names the folder to give. The process still ends as the
/// signal asks.
/// </summary>
internal sealed class InterruptNotice : IDisposable
{
    private readonly PosixSignalRegistration[] registrations;

    public InterruptNotice(TextWriter error, Func<string> notice)
    {
        void Say(PosixSignalContext context)
        {
            lock (error)
            {
                error.WriteLine();
                error.WriteLine(notice());
                error.Flush();
            }
        }
        registrations = [PosixSignalRegistration.Create(PosixSignal.SIGINT, Say), PosixSignalRegistration.Create(PosixSignal.SIGTERM, Say)];
    }

    public void Dispose()
    {
        foreach (var r in registrations) r.Dispose();
    }
}
