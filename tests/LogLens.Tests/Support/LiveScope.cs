using System.IO.Pipes;
using System.Text;
using LogLens.Cli;
using LogLens.Cli.Live;

namespace LogLens.Tests.Support;

/// <summary>
/// Live mode under test control: standard input is a pipe the test writes to (and closes for the end of input), the
/// clock is a <see cref="FakeClock"/>, and the signals are raised by the test. Restores loglens's defaults when disposed.
/// </summary>
internal sealed class LiveScope : IDisposable
{
    private readonly Func<Stream> previousStdin = LoglensCommand.StandardInput;
    private readonly LiveSettings previousLive = LoglensCommand.Live;
    private readonly Func<bool> previousTerminal = LoglensCommand.StandardInputIsTerminal;
    private readonly AnonymousPipeServerStream server = new(PipeDirection.Out);
    private readonly StreamWriter writer;
    private bool closed;

    public LiveScope()
    {
        writer = new StreamWriter(server, new UTF8Encoding(false)) { AutoFlush = true };
        var client = new AnonymousPipeClientStream(PipeDirection.In, server.ClientSafePipeHandle);
        LoglensCommand.StandardInput = () => client;
        LoglensCommand.StandardInputIsTerminal = () => false;
        LoglensCommand.Live = new LiveSettings(Clock, TimeSpan.FromSeconds(1), () => Interrupts);
    }

    public FakeClock Clock { get; } = new();

    public Interrupts Interrupts { get; } = Interrupts.Manual();

    /// <summary>What loglens writes to stderr, readable while it runs.</summary>
    public SharedWriter Error { get; } = new();

    /// <summary>Writes lines to loglens's standard input, as ssh would.</summary>
    public void Send(IEnumerable<string> lines)
    {
        foreach (var line in lines)
        {
            writer.Write(line + "\n");
        }
    }

    /// <summary>Ends the input, as ssh exiting does.</summary>
    public void Close()
    {
        if (!closed)
        {
            closed = true;
            writer.Dispose();
        }
    }

    /// <summary>Runs loglens on a thread of its own (it blocks on the pipe).</summary>
    public Task<(int Exit, string Out)> Start(params string[] args) => Task.Run(() =>
    {
        using var output = new StringWriter();
        var exit = LoglensCommand.Run(args, output, Error);
        return (exit, output.ToString());
    });

    /// <summary>Waits (without moving the clock) until loglens has written <paramref name="text"/> to stderr.</summary>
    public void WaitForError(string text)
    {
        var until = DateTime.UtcNow + TimeSpan.FromSeconds(20);
        while (!Error.ToString().Contains(text, StringComparison.Ordinal))
        {
            if (DateTime.UtcNow > until)
            {
                Assert.Fail($"loglens never wrote '{text}' to stderr; it wrote:\n{Error}");
            }

            Thread.Sleep(10);
        }
    }

    public void Dispose()
    {
        LoglensCommand.StandardInput = previousStdin;
        LoglensCommand.Live = previousLive;
        LoglensCommand.StandardInputIsTerminal = previousTerminal;
        Close();
        Interrupts.Dispose();
        Error.Dispose();
    }
}

/// <summary>A string writer that one thread may read while others write.</summary>
internal sealed class SharedWriter : StringWriter
{
    private readonly Lock gate = new();

    public override void Write(char value)
    {
        lock (gate)
        {
            base.Write(value);
        }
    }

    public override void Write(string? value)
    {
        lock (gate)
        {
            base.Write(value);
        }
    }

    public override void Write(char[] buffer, int index, int count)
    {
        lock (gate)
        {
            base.Write(buffer, index, count);
        }
    }

    public override void Write(ReadOnlySpan<char> buffer)
    {
        lock (gate)
        {
            base.Write(buffer);
        }
    }

    public override string ToString()
    {
        lock (gate)
        {
            return base.ToString();
        }
    }
}
