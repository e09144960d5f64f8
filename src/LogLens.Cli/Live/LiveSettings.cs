namespace LogLens.Cli.Live;

/// <summary>What live mode takes from the machine: the clock, how often it looks at the silence, the signals. Tests replace them.</summary>
/// <param name="Clock">Stamps lines and measures silences; its timers drive the waiting notices.</param>
/// <param name="Tick">How often the silence is looked at.</param>
/// <param name="Listen">Starts listening for SIGINT, SIGTERM and SIGHUP.</param>
internal sealed record LiveSettings(TimeProvider Clock, TimeSpan Tick, Func<Interrupts> Listen)
{
    public static LiveSettings Default { get; } = new(TimeProvider.System, TimeSpan.FromSeconds(1), Interrupts.Listen);
}
