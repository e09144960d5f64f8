using LogLens.Cli;

namespace LogLens.Tests.Support;

/// <summary>Replaces loglens's standard input for the duration of a test; it is a pipe unless <c>terminal</c> says otherwise.</summary>
internal sealed class StdinScope : IDisposable
{
    private readonly Func<Stream> previous = LoglensCommand.StandardInput;
    private readonly Func<bool> previousTerminal = LoglensCommand.StandardInputIsTerminal;

    public StdinScope(string text, bool terminal = false)
    {
        var bytes = System.Text.Encoding.UTF8.GetBytes(text);
        LoglensCommand.StandardInput = () => new MemoryStream(bytes);
        LoglensCommand.StandardInputIsTerminal = () => terminal;
    }

    public void Dispose()
    {
        LoglensCommand.StandardInput = previous;
        LoglensCommand.StandardInputIsTerminal = previousTerminal;
    }
}
