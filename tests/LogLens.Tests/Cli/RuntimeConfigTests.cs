using System.Text.Json;
using LogLens.Cli;

namespace LogLens.Tests.Cli;

/// <summary>
/// The JIT build's runtime settings that docs/performance.md measured over large logs: no profile-guided tiering, and
/// call counting from the start, so the hot code leaves tier 0 within the first megabytes instead of after seconds.
/// </summary>
public class RuntimeConfigTests
{
    [Test]
    public void TheJitBuildTiersUpAtOnceWithoutProfileInstrumentation()
    {
        var path = Path.Combine(Path.GetDirectoryName(typeof(LoglensCommand).Assembly.Location)!, "loglens.runtimeconfig.json");
        using var config = JsonDocument.Parse(File.ReadAllText(path));
        var properties = config.RootElement.GetProperty("runtimeOptions").GetProperty("configProperties");

        properties.GetProperty("System.Runtime.TieredCompilation.CallCountingDelayMs").GetInt32().Should().Be(0);
        properties.GetProperty("System.Runtime.TieredPGO").GetBoolean().Should().BeFalse();
    }
}
