using LogLens.Events;
using LogLens.Parsing.Grammar;
using static LogLens.Parsing.Grammar.MessageRule;

namespace LogLens.Parsing.Server;

/// <summary>
/// sshd's own messages (the text after the log system's envelope), in every wording from OpenSSH 5.3 to 10.5 that a
/// server finding needs: connections, authentication verdicts and the reasons sshd gives, startup failures, session
/// starts and ends. The wordings come from <c>shared/openssh/server-messages.alltags.tsv</c>.
/// </summary>
internal static class ServerGrammar
{
    public static readonly MessageRule[] Rules =
    [
        Template("Server listening on {address} port {port} rdomain {rdomain}.", f => new ServerListening(f[0], f.Int(1))),
        Template("Server listening on {address} port {port}.", f => new ServerListening(f[0], f.Int(1))),
        Template("Received signal {signal}; terminating.", f => new ServerStopping($"signal {f[0]}")),
        Template("Received SIGHUP; restarting.", _ => new ServerStopping("SIGHUP")),

        Template("Connection from {address} port {port} on {local} port {localPort}", f => new ConnectionFrom(f[0], f.Int(1), f[2], LeadingInt(f[3]))),
        Template("Connection from {address} port {port}", f => new ConnectionFrom(f[0], LeadingInt(f[1]), null, null)),
        Template("Remote protocol version {version}, remote software version {software}", f => new ClientSoftware(f[1])),
        Template("Client protocol version {version}; client software version {software}", f => new ClientSoftware(f[1])),

        Template("Accepted key {type} {fingerprint} found at {location}", f => new AuthorizedKeyFound(f[0], f[1], f[2])),
        Attempt("Accepted"), Attempt("Failed"), Attempt("Postponed"), Attempt("Partial"),
        Template("Authentication refused: bad ownership or modes for {kind} {path}", f => new AuthRefusedModes(f[0], f[1])),
        Template("Authentication refused for {user}: bad owner or modes for {path}", f => new AuthRefusedModes("file", f[1])),
        Template("User {user} from {address} not allowed because {reason}", f => new UserNotAllowed(f[0], f[2])),
        Template("User {user} password has expired ({why})", f => new AccountRefused(f[0], $"password has expired ({f[1]})")),
        Template("User {user} not allowed because {reason}", f => new UserNotAllowed(f[0], f[1])),
        Template("Invalid user {user} from {address} port {port}", f => new InvalidUser(f[0], f[1])),
        Template("Invalid user {user} from {address}", f => new InvalidUser(f[0], f[1])),
        Template("ROOT LOGIN REFUSED FROM {address} port {port}", f => new RootLoginRefused(f[0])),
        Template("ROOT LOGIN REFUSED FROM {address}", f => new RootLoginRefused(f[0])),
        Template("key type {type} not in {option}", f => new AlgorithmNotAccepted(f[0], f[1])),
        Template("signature algorithm {algorithm} not in {option}", f => new AlgorithmNotAccepted(f[0], f[1])),
        Template("maximum authentication attempts exceeded for {user} from {address} port {port} ssh2", f => new MaxAuthTriesExceeded(UserName(f[0]))),
        Template("Certificate invalid: {reason}", f => new ServerCertificateInvalid(f[0])),
        Template("Access denied for user {user} by PAM account configuration", f => new AccountRefused(f[0], "denied by PAM account configuration")),
        Template("Account {user} has expired", f => new AccountRefused(f[0], "account has expired")),
        Template("pam_unix(sshd:account): account {user} has expired ({why})", f => new AccountRefused(f[0], "account has expired")),
        Template("Timeout before authentication for {address} port {port}", f => new LoginGraceTimeout(f[0], null)),
        Template("Timeout before authentication for connection from {address} to {local}, pid = {pid}", f => new LoginGraceTimeout(f[0], LeadingInt(f[2]))),
        Template("Timeout before authentication for {address}, pid = {pid}", f => new LoginGraceTimeout(f[0], LeadingInt(f[1]))),
        Template("Timeout before authentication for {address}", f => new LoginGraceTimeout(f[0], null)),

        Template("drop connection #{number} from [{address}]:{port} on [{local}]:{localPort} past MaxStartups", f => new MaxStartupsDrop(f[1], f.Int(2), f[3], f.Int(4))),
        Template("Unable to load host key \"{path}\": {reason}", f => new HostKeyLoadFailed(f[0], f[1])),
        Template("Unable to load host key: {path}", f => new HostKeyLoadFailed(f[0], null)),
        Template("Could not load host key: {path}", f => new HostKeyLoadFailed(f[0], null)),
        Template("sshd: no hostkeys available -- exiting.", _ => new HostKeyLoadFailed(null, "no hostkeys available")),
        Template("no hostkeys available -- exiting.", _ => new HostKeyLoadFailed(null, "no hostkeys available")),
        Template("{file}: line {line}: Bad configuration option: {option}", f => new ServerConfigError(f[0], f.Int(1), $"Bad configuration option: {f[2]}")),
        Template("{file} line {line}: {problem}", f => new ServerConfigError(f[0], f.Int(1), f[2])),
        Template("{file}: terminating, {count} bad configuration options", f => new ServerConfigError(f[0], null, $"terminating, {f[1]} bad configuration options")),
        Template("Bind to port {port} on {address} failed: {reason}.", f => new ServerCannotListen(f[1], f.Int(0), f[2])),
        Template("Cannot bind any address.", _ => new ServerCannotListen(null, null, null)),

        Template("bad ownership or modes for chroot directory {path}", f => new ChrootBadModes(ChrootPath(f[0]))),
        Template("Starting session: forced-command ({source}) '{command}' for {user} from {address} port {port}", f => new ForcedCommand(f[1], f[0])),
        Template("Starting session: {kind} for {user} from {address} port {port}", f => new SessionStarted(f[0], f[1])),
        Template("{location}: forced command: \"{command}\"", f => new ForcedCommand(f[1], f[0].Contains("authorized_keys", StringComparison.Ordinal) ? "key-option" : null)),
        Template("Forced command (config) '{command}'", f => new ForcedCommand(f[0], "config")),
        Template("Forced command (key option) '{command}'", f => new ForcedCommand(f[0], "key-option")),
        Template("Root login accepted for forced command.", _ => new ForcedCommand(null, null)),

        Template("Unable to negotiate with {who}: no matching {what} found. Their offer: {offer}", f => new ServerNegotiationFailed(f[1], f[2])),
        Template("refused local port forward: {detail}", f => new ForwardRefusedByServer("refused local port forward: " + f[0])),
        Template("{detail}, but the request was denied.", f => new ForwardRefusedByServer(f[0])),
        Template("connect_to {host} port {port}: failed.", f => new ForwardTargetUnreachable(f[0], f.Int(1))),
        Template("connect_to {host}: unknown host ({reason})", f => new ForwardTargetUnreachable(f[0], null)),

        Template("Connection closed by {rest}", f => Ended("Connection closed by ", f[0])),
        Template("Connection reset by {rest}", f => Ended("Connection reset by ", f[0])),
        Template("Disconnected from {rest}", f => Ended("Disconnected from ", f[0])),
        Template("Received disconnect from {rest}", f => Ended("Received disconnect from ", f[0])),
        Template("Disconnecting {rest}", f => Ended("Disconnecting ", f[0])),
        Template("Disconnecting: {rest}", f => Ended("Disconnecting: ", f[0])),

        Template("Did not receive identification string from {rest}", f => new NoClientBanner("Did not receive identification string from " + f[0])),
        Template("banner exchange: {rest}", f => new NoClientBanner("banner exchange: " + f[0])),
        Template("Bad protocol version identification {rest}", f => new NoClientBanner("Bad protocol version identification " + f[0])),
        Template("{detail}", f => new NoClientBanner(f[0]), "kex_exchange_identification", "ssh_exchange_identification"),
    ];

    /// <summary>The table the server parser dispatches through.</summary>
    public static MessageTable Table { get; } = new(Rules);

    /// <summary><c>VERDICT METHOD for [invalid user ]USER from ADDRESS port PORT ssh2[: KEYTYPE FINGERPRINT ...]</c>.</summary>
    private static MessageRule Attempt(string verdict) =>
        Template(verdict + " {method} for {user} from {address} port {port} ssh2{key}", f =>
        {
            var user = f[1];
            var key = f[4].StartsWith(": ", StringComparison.Ordinal) ? f[4][2..].Split(' ', 3) : [];
            return new AuthAttempt(
                verdict, f[0], UserName(user), user.StartsWith(InvalidUserPrefix, StringComparison.Ordinal), f[2], f.Int(3),
                key.Length > 0 ? key[0] : null, key.Length > 1 ? key[1] : null);
        });

    private static ServerConnectionEnded Ended(string lead, string rest)
    {
        var stage = rest.StartsWith("authenticating user ", StringComparison.Ordinal) ? "authenticating"
            : rest.StartsWith("invalid user ", StringComparison.Ordinal) ? "invalid"
            : rest.StartsWith("user ", StringComparison.Ordinal) ? "user"
            : "none";
        return new ServerConnectionEnded(lead + rest, stage);
    }

    private const string InvalidUserPrefix = "invalid user ";

    /// <summary>The user name of <c>[invalid user ]NAME</c>.</summary>
    private static string UserName(string logged) =>
        logged.StartsWith(InvalidUserPrefix, StringComparison.Ordinal) ? logged[InvalidUserPrefix.Length..] : logged;

    /// <summary><c>"/srv/x"</c> or <c>component "/srv"</c>: the directory, without the quotes.</summary>
    private static string ChrootPath(string logged)
    {
        var path = logged.StartsWith("component ", StringComparison.Ordinal) ? logged["component ".Length..] : logged;
        return path.Trim('"');
    }

    /// <summary>The number a value starts with (<c>22 rdomain ""</c> gives 22), or <see langword="null"/>.</summary>
    private static int? LeadingInt(string value)
    {
        var end = 0;
        while (end < value.Length && char.IsAsciiDigit(value[end]))
        {
            end++;
        }

        return end > 0 && int.TryParse(value.AsSpan(0, end), out var n) ? n : null;
    }
}
