using LogLens.Cli;

namespace LogLens.Tests.Support;

/// <summary>Replaces loglens's standard input for the duration of a test.</summary>
internal sealed class StdinScope : IDisposable
{
    private readonly Func<Stream> previous = LoglensCommand.StandardInput;

    public StdinScope(string text)
    {
        var bytes = System.Text.Encoding.UTF8.GetBytes(text);
        LoglensCommand.StandardInput = () => new MemoryStream(bytes);
    }

    public void Dispose() => LoglensCommand.StandardInput = previous;
}
