using System.Runtime.InteropServices;

namespace LogLens.Cli.Live;

/// <summary>
/// SIGINT (Ctrl-C), SIGTERM and SIGHUP turned into a cancellation: the first one ends the input so that what arrived is
/// reported; a second one ends loglens at once, as usual. Tests raise the signal themselves with <see cref="Raise"/>.
/// </summary>
internal sealed class Interrupts : IDisposable
{
    private readonly CancellationTokenSource source = new();
    private readonly List<PosixSignalRegistration> registrations = [];

    private Interrupts()
    {
    }

    /// <summary>Cancelled by the first signal.</summary>
    public CancellationToken Token => source.Token;

    /// <summary>The signal that interrupted, if any.</summary>
    public PosixSignal? Signal { get; private set; }

    /// <summary>Listens for the real signals until disposed.</summary>
    public static Interrupts Listen()
    {
        var interrupts = new Interrupts();
        foreach (var signal in (PosixSignal[])[PosixSignal.SIGINT, PosixSignal.SIGTERM, PosixSignal.SIGHUP])
        {
            try
            {
                interrupts.registrations.Add(PosixSignalRegistration.Create(signal, interrupts.Handle));
            }
            catch (PlatformNotSupportedException)
            {
                // Windows has no SIGHUP; the others still work.
            }
        }

        return interrupts;
    }

    /// <summary>Listens for nothing: only <see cref="Raise"/> interrupts (tests).</summary>
    public static Interrupts Manual() => new();

    /// <summary>Interrupts as the signal would.</summary>
    public void Raise(PosixSignal signal)
    {
        if (!source.IsCancellationRequested)
        {
            Signal = signal;
            source.Cancel();
        }
    }

    public void Dispose()
    {
        foreach (var registration in registrations)
        {
            registration.Dispose();
        }

        source.Dispose();
    }

    private void Handle(PosixSignalContext context)
    {
        // The first signal is ours: report what arrived. A second one gets the default action (loglens ends).
        if (source.IsCancellationRequested)
        {
            return;
        }

        context.Cancel = true;
        Raise(context.Signal);
    }
}
