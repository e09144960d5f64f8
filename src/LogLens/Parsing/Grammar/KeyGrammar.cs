using LogLens.Events;
using static LogLens.Parsing.Grammar.MessageRule;

namespace LogLens.Parsing.Grammar;

/// <summary>Identity files, key loading, and the agent.</summary>
internal static class KeyGrammar
{
    private static readonly string[] AgentFunctions =
    [
        "get_agent_identities", "ssh_get_authentication_socket_path", "ssh_get_authentication_socket", "ssh_agent_bind_hostkey",
        "ssh_fetch_identitylist", "ssh_agent_sign", "agent_key_kind", "client_request_agent", "client_input_agent_open",
    ];

    public static readonly MessageRule[] Rules =
    [
        Template("identity file {path} type {type}", f => new IdentityFile(f[0], f.Int(1))),
        Template("certificate file {path} type {type}", f => new CertificateFile(f[0], f.Int(1))),
        Template("Load key \"{path}\": {reason}", f => new KeyLoadFailed(f[0], f[1])),
        Template("Failed to load key {path}: {reason}", f => new KeyLoadFailed(f[0], f[1])),
        Template("bad permissions: ignore key: {path}", f => new KeyLoadFailed(f[0], "bad permissions")),
        Template("{reason}", f => new KeyLoadFailed(null, f[0]), "key_load_public", "sshkey_load_public", "key_load_private", "sshkey_load_private_type"),
        Template("Permissions for '{path}' are too open.", f => new KeyPermissionsTooOpen(string.Empty, f[0])),
        Template("no passphrase given, try next key", _ => new KeyLoadFailed(null, "no passphrase given")),
        Template("bad passphrase given, try again...", _ => new KeyLoadFailed(null, "bad passphrase given")),
        Template("can't open {device}: {reason}", f => new TerminalUnavailable(f[0], f[1]), "read_passphrase"),
        Template("exec({device}): {reason}", f => new TerminalUnavailable(f[0], f[1]), "ssh_askpass"),
        Template("Permissions {mode} for '{path}' are too open.", f => new KeyPermissionsTooOpen(f[0], f[1])),
        Template("It is required that your private key files are NOT accessible by others.", _ => new KeyPermissionsNotice("It is required that your private key files are NOT accessible by others.")),
        Template("It is recommended that your private key files are NOT accessible by others.", _ => new KeyPermissionsNotice("It is recommended that your private key files are NOT accessible by others.")),
        Template("This private key will be ignored.", _ => new KeyPermissionsNotice("This private key will be ignored.")),
        Template("Warning: Identity file {path} not accessible: {reason}.", f => new IdentityNotAccessible(f[0], f[1])),
        Template("no such identity: {path}: {reason}", f => new IdentityNotAccessible(f[0], f[1])),
        Template("no such identity: {path}", f => new IdentityNotAccessible(f[0], string.Empty)),
        Template("loaded {what} from {path}: {type} {fingerprint}", f => new KeyLoad(f[0], f[1], true)),
        Template("no {what} loaded from {path}", f => new KeyLoad(f[0], f[1], false)),
        Template("Skipping {type} key {path} - {reason}", f => new KeySkipped(f[0], f[1], f[2])),
        Template("Skipping key {path}: {reason}", f => new KeySkipped(string.Empty, f[0], f[1]), "load_identity_file"),
        Template("Skipped {type} key {path} for RSA/MD5 server", f => new KeySkipped(f[0], f[1], "RSA/MD5 server")),
        Template("Checking blacklist file {path}", f => new KeyNote("Checking blacklist file " + f[0])),
        Template("Incorrect RSA1 identifier", _ => new KeyNote("Incorrect RSA1 identifier")),
        Template("Could not load \"{path}\" as a RSA1 public key", f => new KeyNote($"Could not load \"{f[0]}\" as a RSA1 public key")),
        Template("key: {detail}", f => new KeyNote("key: " + f[0])),
        Template("no separate private key for certificate \"{path}\"", f => new KeyNote($"no separate private key for certificate \"{f[0]}\"")),
        Template("ssh_get_authentication_socket: {reason}", f => new AgentStatus("ssh_get_authentication_socket: " + f[0]), "pubkey_prepare"),
        Template("ssh_fetch_identitylist: {reason}", f => new AgentStatus("ssh_fetch_identitylist: " + f[0]), "pubkey_prepare"),
        Template("{detail}", f => new KeyNote(f[0]), "pubkey_prepare", "load_public_identity_files", "sshkey_load_public", "fill_default_options"),
        Template("{detail}", f => new AgentStatus(f[0]), AgentFunctions),
        Template("signing failed for {type} \"{key}\" from agent: {reason}", f => new SigningFailed(f[0], f[1], true, f[2]), "sign_and_send_pubkey", "identity_sign"),
        Template("signing failed for {type} \"{key}\": {reason}", f => new SigningFailed(f[0], f[1], false, f[2]), "sign_and_send_pubkey", "identity_sign"),
        Template("signing failed: {reason}", f => new SigningFailed(null, null, f[0].Contains("agent", StringComparison.Ordinal), f[0]), "sign_and_send_pubkey", "identity_sign"),
        Template("Agent admitted failure to sign using the key.", _ => new SigningFailed(null, null, true, "Agent admitted failure to sign using the key")),
        Template("identity added to agent: {path}", f => new AgentStatus("identity added to agent: " + f[0])),
        Template("could not add identity to agent: {detail}", f => new AgentStatus("could not add identity to agent: " + f[0])),
    ];
}
