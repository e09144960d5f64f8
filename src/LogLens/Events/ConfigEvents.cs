namespace LogLens.Events;

/// <summary>The client's version banner, printed first by <c>ssh -v</c> (e.g. <c>OpenSSH_9.2p1 Debian-2, OpenSSL 3.0.11</c>).</summary>
/// <param name="Version">The client version (e.g. <c>OpenSSH_9.2p1 Debian-2</c>, <c>OpenSSH_for_Windows_8.1p1</c>).</param>
/// <param name="Library">The crypto library it was built with (<c>OpenSSL 3.0.11</c>, <c>LibreSSL 3.3.6</c>, <c>without OpenSSL</c>).</param>
public sealed record ClientVersion(string Version, string Library) : SshEvent;

/// <summary>The operating system the client runs on (<c>Running on Linux 6.1 ...</c>, OpenSSH 9.8+ at -vvv).</summary>
/// <param name="System">The system description.</param>
public sealed record RunningOn(string System) : SshEvent;

/// <summary>The command line ssh was started with (<c>Started with: ssh -vvv host</c>).</summary>
/// <param name="CommandLine">The command line as ssh printed it.</param>
public sealed record StartedWith(string CommandLine) : SshEvent;

/// <summary>ssh reads a configuration file (<c>Reading configuration data PATH</c>).</summary>
/// <param name="Path">The file read.</param>
public sealed record ReadingConfig(string Path) : SshEvent;

/// <summary>A <c>Host</c> or <c>Match</c> block applies (<c>FILE line N: Applying options for PATTERN</c>).</summary>
/// <param name="File">The config file, or <see langword="null"/> in the old wording without it.</param>
/// <param name="ConfigLine">The line of the block in that file.</param>
/// <param name="Pattern">The host pattern that matched.</param>
public sealed record ConfigApplyingOptions(string? File, int? ConfigLine, string Pattern) : SshEvent;

/// <summary>A config <c>Include</c> line (<c>Including file X depth N</c>, or <c>include X matched no files</c>).</summary>
/// <param name="File">The file holding the <c>Include</c>.</param>
/// <param name="ConfigLine">Its line number.</param>
/// <param name="Included">The file or pattern included.</param>
/// <param name="Matched">Whether the pattern matched a file.</param>
public sealed record ConfigInclude(string File, int? ConfigLine, string Included, bool Matched) : SshEvent;

/// <summary>A config line ssh skipped or warned about (ignored unknown, deprecated or unsupported option, negated Host match).</summary>
/// <param name="File">The config file.</param>
/// <param name="ConfigLine">The line number.</param>
/// <param name="Note">What ssh said about it (e.g. <c>Deprecated option "rsaauthentication"</c>).</param>
public sealed record ConfigNote(string File, int? ConfigLine, string Note) : SshEvent;

/// <summary>A config line ssh rejected (<c>FILE: line N: Bad configuration option: X</c> and similar).</summary>
/// <param name="File">The config file.</param>
/// <param name="ConfigLine">The line number.</param>
/// <param name="Problem">What ssh said (e.g. <c>Bad configuration option: -----begin</c>).</param>
public sealed record ConfigError(string File, int? ConfigLine, string Problem) : SshEvent;

/// <summary>ssh gives up on a config file (<c>FILE: terminating, N bad configuration options</c>).</summary>
/// <param name="File">The config file.</param>
/// <param name="Count">How many bad options it held.</param>
public sealed record ConfigTerminating(string File, int? Count) : SshEvent;

/// <summary>ssh refuses a config file others can write (<c>Bad owner or permissions on PATH</c>).</summary>
/// <param name="Path">The config file.</param>
public sealed record ConfigBadPermissions(string Path) : SshEvent;

/// <summary>OpenSSH for Windows names the account whose access makes a file unsafe (<c>Bad permissions. Try removing permissions for user: SID on file PATH.</c>).</summary>
/// <param name="Account">The user or SID to remove.</param>
/// <param name="Path">The file.</param>
public sealed record WindowsBadPermissions(string Account, string Path) : SshEvent;

/// <summary>A file could not be opened (Windows <c>Failed to open file:PATH error:2</c>, <c>Can't open user config file PATH: REASON</c>).</summary>
/// <param name="Path">The file.</param>
/// <param name="Reason">The error (an errno text or a Windows error code).</param>
public sealed record FileOpenFailed(string Path, string Reason) : SshEvent;

/// <summary>ssh expands a path or option value (<c>expanded UserKnownHostsFile '~/.ssh/known_hosts' -&gt; '/home/u/.ssh/known_hosts'</c>).</summary>
/// <param name="Option">The option.</param>
/// <param name="From">The value before expansion.</param>
/// <param name="To">The value after.</param>
public sealed record ConfigExpanded(string Option, string From, string To) : SshEvent;

/// <summary>A ProxyJump turned into a ProxyCommand (<c>Setting implicit ProxyCommand from ProxyJump: CMD</c>).</summary>
/// <param name="Command">The command ssh will run for the hop.</param>
public sealed record ProxyJumpCommand(string Command) : SshEvent;

/// <summary>ssh runs a proxy command instead of connecting itself (<c>Executing proxy command: exec CMD</c>).</summary>
/// <param name="Command">The command.</param>
public sealed record ProxyCommandExecuting(string Command) : SshEvent;

/// <summary>Starting a helper process failed (Windows <c>CreateProcessW failed error:2</c>, <c>posix_spawn: REASON</c>).</summary>
/// <param name="Call">The call that failed.</param>
/// <param name="Reason">The error.</param>
public sealed record ProcessSpawnFailed(string Call, string Reason) : SshEvent;

/// <summary>ssh runs a command through the shell or spawns a process (<c>spawning "CMD"</c>, <c>Executing command: 'CMD'</c>).</summary>
/// <param name="Command">The command.</param>
public sealed record ProcessSpawning(string Command) : SshEvent;

/// <summary>A hostname canonicalisation step (<c>hostname X is address</c>, <c>Canonicalized hostname "a" =&gt; "b"</c>).</summary>
/// <param name="Detail">The step as ssh printed it.</param>
public sealed record HostnameCanonicalization(string Detail) : SshEvent;

/// <summary>A local-setup note ssh prints before connecting (security-key provider, UpdateHostKeys, pseudo-terminal, client options).</summary>
/// <param name="Note">The note.</param>
public sealed record ClientNote(string Note) : SshEvent;

/// <summary>ssh printed its usage text: the command line was wrong.</summary>
/// <param name="Text">The first usage line.</param>
public sealed record UsageError(string Text) : SshEvent;
