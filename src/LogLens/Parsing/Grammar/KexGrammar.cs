using LogLens.Events;
using Sprache;
using static LogLens.Parsing.Grammar.MessageRule;

namespace LogLens.Parsing.Grammar;

/// <summary>Algorithm negotiation (KEXINIT), the key exchange itself and the transport's details.</summary>
internal static class KexGrammar
{
    private static readonly Parser<string> MessageName =
        (from prefix in Parse.String("SSH2_MSG_").Text()
         from rest in Parse.Char(c => char.IsAsciiLetterUpper(c) || char.IsAsciiDigit(c) || c == '_', "message name letter").AtLeastOnce().Text()
         select prefix + rest).Named("SSH2_MSG_ name");

    private static readonly Parser<string> Parameters =
        from open in Parse.Char('(')
        from inside in Parse.CharExcept(')').Many().Text()
        from close in Parse.Char(')')
        select inside;

    private static readonly Parser<bool> Direction =
        Parse.String(" sent").Return(true).Or(Parse.String(" received").Return(false));

    private static readonly Parser<SshEvent> ProtocolMessageLine =
        from name in MessageName
        from parameters in Parameters.Optional()
        from sent in Direction.End()
        select (SshEvent)new ProtocolMessage(name, sent);

    private static SshEvent? ProtocolMessageFast(ReadOnlySpan<char> message)
    {
        const string Prefix = "SSH2_MSG_";
        if (!message.StartsWith(Prefix, StringComparison.Ordinal))
        {
            return null;
        }

        var end = Prefix.Length;
        while (end < message.Length && (char.IsAsciiLetterUpper(message[end]) || char.IsAsciiDigit(message[end]) || message[end] == '_'))
        {
            end++;
        }

        if (end == Prefix.Length)
        {
            return null;
        }

        var rest = message[end..];
        if (rest.Length > 0 && rest[0] == '(' && rest.IndexOf(')') is >= 0 and var close)
        {
            rest = rest[(close + 1)..];
        }

        bool? sent = rest.SequenceEqual(" sent") ? true : rest.SequenceEqual(" received") ? false : null;
        return sent is { } direction ? new ProtocolMessage(Strings.Of(message[..end]), direction) : null;
    }

    private static readonly string[] ProposalNames =
    [
        "KEX algorithms", "host key algorithms", "ciphers ctos", "ciphers stoc", "MACs ctos", "MACs stoc",
        "compression ctos", "compression stoc", "languages ctos", "languages stoc",
    ];

    private static readonly string[] TransportFunctions =
    [
        "ssh_set_newkeys", "set_newkeys", "kex_derive_keys", "dh_gen_key", "mac_setup", "order_hostkeyalgs",
        "kex_choose_conf", "kex_send_kexinit", "kex_input_kexinit", "kex_ecdh_hash", "kex_c25519_hash", "ssh_rsa_verify",
        "ssh_ed25519_verify", "ssh_ecdsa_verify", "kex_verify_host_key", "ssh_packet_set_rekey_limits", "kex_start_rekex",
        "kex_send_newkeys", "kex_input_newkeys", "kex_protocol_error", "kexgex_client", "input_kex_dh_gex_group",
        "ssh_packet_send2", "ssh_packet_send2_wrapped", "ssh_packet_read_poll2", "ssh_kex2", "kex_names_valid", "kex_assemble_names",
    ];

    public static readonly MessageRule[] Rules =
    [
        Anchored("SSH2_MSG_", ProtocolMessageLine, ProtocolMessageFast),
        Template("expecting {name}", f => new ExpectingMessage(f[0])),
        Template("send packet: type {type}", f => new PacketTrace(f.Int(0), true)),
        Template("receive packet: type {type}", f => new PacketTrace(f.Int(0), false)),
        Template("local client KEXINIT proposal", _ => new KexProposalStart(false)),
        Template("peer server KEXINIT proposal", _ => new KexProposalStart(true)),
        .. ProposalNames.Select(name => Template(name + ": {values}", f => new KexProposal(name, f[0]))),
        Template("first_kex_follows {value}", f => new KexProposal("first_kex_follows", f[0])),
        Template("reserved {value}", f => new KexProposal("reserved", f[0])),
        Template("{values}", f => new KexProposal(null, f[0]), "kex_parse_kexinit"),
        Template("kex: algorithm: {value}", f => new KexChosen("algorithm", f[0])),
        Template("kex: host key algorithm: {value}", f => new KexChosen("host key algorithm", f[0])),
        Template("kex: {direction} cipher: {cipher} MAC: {mac} compression: {compression}", f => new KexCipherChosen(f[0], f[1], f[2], f[3])),
        Template("kex: server->client {cipher} {mac} {compression}", f => new KexCipherChosen("server->client", f[0], f[1], f[2])),
        Template("kex: client->server {cipher} {mac} {compression}", f => new KexCipherChosen("client->server", f[0], f[1], f[2])),
        Template("kex: {detail}", f => new KexStep("kex: " + f[0])),
        Template("Unable to negotiate with {host} port {port}: {what}. Their offer: {offer}", f => new NegotiationFailed(f[0], f.Int(1), f[2], f[3], null)),
        Template("Unable to negotiate with {host} port {port}: {what}", f => new NegotiationFailed(f[0], f.Int(1), f[2], null, null)),
        Template("Unable to negotiate a {what}", f => new NegotiationFailed(null, null, "no matching " + f[0], null, null)),
        Template("no matching {what} found: client {ours} server {theirs}", f => new NegotiationFailed(null, null, $"no matching {f[0]} found", f[2], f[1])),
        Template("no matching {what} found", f => new NegotiationFailed(null, null, $"no matching {f[0]} found", null, null)),
        Template("no hostkey alg", _ => new NegotiationFailed(null, null, "no matching host key type found", null, null)),
        Template("Their offer: {offer}", f => new TheirOffer(f[0])),
        Template("Server host key: {type} {fingerprint}", f => new ServerHostKey(f[0], f[1])),
        Template("{name}=<{value}>", f => new ServerExtension(f[0], f[1]), "kex_input_ext_info", "kex_ext_info_client_parse", "kex_ext_info_check_ver"),
        Template("{detail}", f => new KexStep(f[0]), "kex_input_ext_info", "kex_ext_info_client_parse"),
        Template("{detail}", f => new KexStep(f[0]), TransportFunctions),
        Template("rekey out after {blocks} blocks", f => new KexStep($"rekey out after {f[0]} blocks")),
        Template("rekey in after {blocks} blocks", f => new KexStep($"rekey in after {f[0]} blocks")),
        Template("rekey after {blocks} blocks", f => new KexStep($"rekey after {f[0]} blocks")),
        Template("kex_derive_keys", _ => new KexStep("kex_derive_keys")),
        Template("bits set: {bits}", f => new KexStep("bits set: " + f[0])),
        Template("Roaming not allowed by server", _ => new KexStep("Roaming not allowed by server")),
        Template("need rekeying", _ => new KexStep("need rekeying")),
        Template("rekeying in progress", _ => new KexStep("rekeying in progress")),
        Anchored(
            "**",
            Parse.String("**").Then(_ => Parse.AnyChar.Many().Text()).Select(rest => (SshEvent)new PostQuantumWarning("**" + rest)),
            m => m.StartsWith("**", StringComparison.Ordinal) ? new PostQuantumWarning(m.ToString()) : null),
        Template("Remote: {text}", f => new RemoteMessage(f[0])),
    ];
}
