namespace LogLens.Rules;

/// <summary>The stable finding IDs, grouped by phase (LL0xxx local setup ... LL9xxx outcome). Never reused or renumbered.</summary>
public static class RuleIds
{
    /// <summary><c>config-permissions</c>: a config file has unsafe owner or permissions.</summary>
    public const string ConfigPermissions = "LL0001";

    /// <summary><c>config-error</c>: the ssh configuration has an error.</summary>
    public const string ConfigError = "LL0002";

    /// <summary><c>key-permissions-too-open</c>: a private key is readable by others, so ssh ignored it.</summary>
    public const string KeyPermissionsTooOpen = "LL0003";

    /// <summary><c>key-invalid-format</c>: a private key could not be loaded.</summary>
    public const string KeyInvalidFormat = "LL0004";

    /// <summary><c>missing-identity-file</c>: an identity file that was asked for does not exist.</summary>
    public const string MissingIdentityFile = "LL0005";

    /// <summary><c>encrypted-key-no-passphrase</c>: the key's passphrase could not be asked.</summary>
    public const string EncryptedKeyNoPassphrase = "LL0006";

    /// <summary><c>agent-refused</c>: the agent refused or failed to sign.</summary>
    public const string AgentRefused = "LL0007";

    /// <summary><c>key-type-disabled</c>: a key was skipped because its type is disabled.</summary>
    public const string KeyTypeDisabled = "LL0008";

    /// <summary><c>dns-resolution</c>: the host name could not be resolved.</summary>
    public const string DnsResolution = "LL1001";

    /// <summary><c>connection-refused</c>: the connection was refused.</summary>
    public const string ConnectionRefused = "LL1002";

    /// <summary><c>connection-timeout</c>: the connection attempt timed out.</summary>
    public const string ConnectionTimeout = "LL1003";

    /// <summary><c>no-route</c>: there is no network route to the host.</summary>
    public const string NoRoute = "LL1004";

    /// <summary><c>proxy-failure</c>: the proxyjump/proxycommand hop failed.</summary>
    public const string ProxyFailure = "LL1005";

    /// <summary><c>exchange-identification-reset</c>: the server reset the connection before its banner.</summary>
    public const string ExchangeIdentificationReset = "LL2001";

    /// <summary><c>exchange-identification-closed</c>: the server closed the connection before its banner.</summary>
    public const string ExchangeIdentificationClosed = "LL2002";

    /// <summary><c>not-ssh-server</c>: something other than an ssh server answered.</summary>
    public const string NotSshServer = "LL2003";

    /// <summary><c>banner-timeout</c>: no ssh banner arrived in time.</summary>
    public const string BannerTimeout = "LL2004";

    /// <summary><c>kex-algorithm-mismatch</c>: no common key-exchange algorithm.</summary>
    public const string KexAlgorithmMismatch = "LL3001";

    /// <summary><c>hostkey-algorithm-mismatch</c>: no common host-key type.</summary>
    public const string HostKeyAlgorithmMismatch = "LL3002";

    /// <summary><c>cipher-mismatch</c>: no common cipher.</summary>
    public const string CipherMismatch = "LL3003";

    /// <summary><c>mac-mismatch</c>: no common mac.</summary>
    public const string MacMismatch = "LL3004";

    /// <summary><c>kex-stalled</c>: the key exchange stalled.</summary>
    public const string KexStalled = "LL3005";

    /// <summary><c>host-key-changed</c>: the server's host key has changed.</summary>
    public const string HostKeyChanged = "LL4001";

    /// <summary><c>host-key-unknown</c>: the host key is unknown and ssh may not ask.</summary>
    public const string HostKeyUnknown = "LL4002";

    /// <summary><c>host-key-verification-failed</c>: host key verification failed.</summary>
    public const string HostKeyVerificationFailed = "LL4003";

    /// <summary><c>key-rejected</c>: the server refused every key offered.</summary>
    public const string KeyRejected = "LL5001";

    /// <summary><c>no-mutual-signature-algorithm</c>: no signature algorithm in common for the key.</summary>
    public const string NoMutualSignatureAlgorithm = "LL5002";

    /// <summary><c>too-many-auth-failures</c>: too many authentication failures.</summary>
    public const string TooManyAuthFailures = "LL5003";

    /// <summary><c>password-only</c>: the server allows only passwords, and ssh could not use one.</summary>
    public const string PasswordOnly = "LL5004";

    /// <summary><c>password-rejected</c>: the password was refused.</summary>
    public const string PasswordRejected = "LL5005";

    /// <summary><c>certificate-invalid</c>: the user certificate was refused.</summary>
    public const string CertificateInvalid = "LL5006";

    /// <summary><c>account-expired</c>: the account or its password has expired.</summary>
    public const string AccountExpired = "LL5007";

    /// <summary><c>auth-succeeded-then-closed</c>: logged in, then the server closed the session.</summary>
    public const string AuthSucceededThenClosed = "LL6001";

    /// <summary><c>forward-bind-failed</c>: a forwarded port could not be bound locally.</summary>
    public const string ForwardBindFailed = "LL6002";

    /// <summary><c>forwarding-refused</c>: the server refused a forwarding request.</summary>
    public const string ForwardingRefused = "LL6003";

    /// <summary><c>forward-target-refused</c>: a forwarded connection's target refused it.</summary>
    public const string ForwardTargetRefused = "LL6004";

    /// <summary><c>success</c>: connected and authenticated.</summary>
    public const string Success = "LL9001";

    /// <summary><c>slow-step</c>: one step of the connection took several seconds (live mode or timestamped logs).</summary>
    public const string SlowStep = "LL9002";

    /// <summary><c>host-key-load-failed</c> (sshd's log): sshd could not load its host keys.</summary>
    public const string HostKeyLoadFailed = "LL0101";

    /// <summary><c>sshd-config-error</c> (sshd's log): sshd did not start because of a bad configuration line.</summary>
    public const string SshdConfigError = "LL0102";

    /// <summary><c>max-startups</c> (sshd's log): sshd dropped the connection past MaxStartups.</summary>
    public const string MaxStartups = "LL2101";

    /// <summary><c>key-not-authorized</c> (sshd's log): the offered key is not in the user's authorized_keys.</summary>
    public const string KeyNotAuthorized = "LL5101";

    /// <summary><c>authorized-keys-permissions</c> (sshd's log): StrictModes refused authorized_keys or a directory above it.</summary>
    public const string AuthorizedKeysPermissions = "LL5102";

    /// <summary><c>user-not-allowed</c> (sshd's log): AllowUsers/DenyUsers/AllowGroups/DenyGroups refused the user.</summary>
    public const string UserNotAllowed = "LL5103";

    /// <summary><c>invalid-user</c> (sshd's log): no such account on the server.</summary>
    public const string InvalidUser = "LL5104";

    /// <summary><c>shell-missing</c> (sshd's log): the user's shell does not exist or is not executable.</summary>
    public const string ShellMissing = "LL5105";

    /// <summary><c>root-login-refused</c> (sshd's log): PermitRootLogin forbids this login.</summary>
    public const string RootLoginRefused = "LL5106";

    /// <summary><c>pubkey-algorithm-refused</c> (sshd's log): the key type or signature algorithm is not in PubkeyAcceptedAlgorithms.</summary>
    public const string PubkeyAlgorithmRefused = "LL5107";

    /// <summary><c>key-accepted-not-signed</c> (sshd's log): the key is authorized, but the client never proved it holds it.</summary>
    public const string KeyAcceptedNotSigned = "LL5108";

    /// <summary><c>login-grace-timeout</c> (sshd's log): LoginGraceTime ran out before authentication finished.</summary>
    public const string LoginGraceTimeout = "LL5109";

    /// <summary><c>chroot-permissions</c> (sshd's log): ChrootDirectory or a directory above it has the wrong owner or modes.</summary>
    public const string ChrootPermissions = "LL6101";

    /// <summary><c>forced-command</c> (sshd's log): a ForceCommand or an authorized_keys command= ran instead of what the user asked.</summary>
    public const string ForcedCommand = "LL6102";
}
