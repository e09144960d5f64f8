using LogLens.Events;
using static LogLens.Parsing.Grammar.MessageRule;

namespace LogLens.Parsing.Grammar;

/// <summary>The client's banner, its configuration files and local setup before any connection.</summary>
internal static class ConfigGrammar
{
    public static readonly MessageRule[] Rules =
    [
        Template("OpenSSH_{version}, {library}", f => new ClientVersion(Strings.Of("OpenSSH_", f[0]), f[1])),
        Template("usage: {text}", f => new UsageError(f[0])),
        Template("Running on {system}", f => new RunningOn(f[0])),
        Template("Started with: {command}", f => new StartedWith(f[0])),
        Template("Reading configuration data {path}", f => new ReadingConfig(f[0])),
        Template("{file} line {n}: Applying options for {pattern}", f => new ConfigApplyingOptions(f[0], f.Int(1), f[2])),
        Template("Applying options for {pattern}", f => new ConfigApplyingOptions(null, null, f[0])),
        Template("{file} line {n}: include {pattern} matched no files", f => new ConfigInclude(f[0], f.Int(1), f[2], false)),
        Template("{file} line {n}: Including file {path} depth {depth}", f => new ConfigInclude(f[0], f.Int(1), f[2], true)),
        Template("{file} line {n}: Ignored unknown option {option}", f => new ConfigNote(f[0], f.Int(1), "Ignored unknown option " + f[2])),
        Template("{file} line {n}: Deprecated option {option}", f => new ConfigNote(f[0], f.Int(1), "Deprecated option " + f[2])),
        Template("{file} line {n}: Unsupported option {option}", f => new ConfigNote(f[0], f.Int(1), "Unsupported option " + f[2])),
        Template("{file} line {n}: Skipping Host block because of negated match for {pattern}", f => new ConfigNote(f[0], f.Int(1), "Skipping Host block because of negated match for " + f[2])),
        Template("{file}: line {n}: {problem}", f => new ConfigError(f[0], f.Int(1), f[2])),
        Template("{file} line {n}: {problem}", f => new ConfigError(f[0], f.Int(1), f[2])),
        Template("{file}: terminating, {count} bad configuration options", f => new ConfigTerminating(f[0], f.Int(1))),
        Template("Bad owner or permissions on {path}", f => new ConfigBadPermissions(f[0])),
        Template("Bad permissions. Try removing permissions for user: {account} on file {path}.", f => new WindowsBadPermissions(f[0], f[1])),
        Template("Failed to open file:{path} error:{code}", f => new FileOpenFailed(f[0], "error:" + f[1])),
        Template("Can't open user config file {path}: {reason}", f => new FileOpenFailed(f[0], f[1])),
        Template("expanded {option} '{from}' -> '{to}'", f => new ConfigExpanded(f[0], f[1], f[2])),
        Template("Setting implicit ProxyCommand from ProxyJump: {command}", f => new ProxyJumpCommand(f[0])),
        Template("Executing proxy command: {command}", f => new ProxyCommandExecuting(f[0])),
        Template("Executing proxy dialer command: {command}", f => new ProxyCommandExecuting(f[0])),
        Template("CreateProcessW failed error:{code}", f => new ProcessSpawnFailed("CreateProcessW", "error:" + f[0])),
        Template("{reason}", f => new ProcessSpawnFailed("posix_spawn", f[0]), "posix_spawn"),
        Template("spawning {command}", f => new ProcessSpawning(f[0])),
        Template("Executing command: {command}", f => new ProcessSpawning(f[0])),
        Template("hostname {host} is address", f => new HostnameCanonicalization($"hostname {f[0]} is address")),
        Template("Canonicalized hostname {detail}", f => new HostnameCanonicalization("Canonicalized hostname " + f[0])),
        Template("Canonicalized DNS aliased hostname {detail}", f => new HostnameCanonicalization("Canonicalized DNS aliased hostname " + f[0])),
        Template("Re-reading configuration after hostname canonicalisation", _ => new HostnameCanonicalization("Re-reading configuration after hostname canonicalisation")),
        Template("{detail}", f => new HostnameCanonicalization(f[0]), "resolve_canonicalize", "check_follow_cname"),
        Template("Authenticator provider {provider} did not resolve; disabling", f => new ClientNote($"Authenticator provider {f[0]} did not resolve; disabling")),
        Template("UpdateHostKeys=ask is incompatible with ControlPersist; disabling", _ => new ClientNote("UpdateHostKeys=ask is incompatible with ControlPersist; disabling")),
        Template("Pseudo-terminal will not be allocated because stdin is not a terminal.", _ => new ClientNote("Pseudo-terminal will not be allocated because stdin is not a terminal.")),
        Template("{detail}", f => new ClientNote(f[0]), "match_cfg_line", "process_config_line_depth", "read_config_file_depth", "main", "ssh_main"),
    ];
}
