using System.Text.RegularExpressions;
using LogLens.Findings;
using LogLens.Rules;
using LogLens.Tests.Support;

namespace LogLens.Tests.Rules;

public partial class RuleCatalogTests
{
    /// <summary>The finding slugs of the JSON contract (shared/findings.tsv).</summary>
    private static readonly string[] ContractSlugs =
    [
        "config-permissions", "config-error", "key-permissions-too-open", "key-invalid-format", "missing-identity-file",
        "encrypted-key-no-passphrase", "agent-refused", "key-type-disabled", "dns-resolution", "connection-refused",
        "connection-timeout", "no-route", "proxy-failure", "exchange-identification-reset", "exchange-identification-closed",
        "not-ssh-server", "banner-timeout", "kex-algorithm-mismatch", "hostkey-algorithm-mismatch", "cipher-mismatch",
        "mac-mismatch", "kex-stalled", "host-key-changed", "host-key-unknown", "host-key-verification-failed", "key-rejected",
        "no-mutual-signature-algorithm", "too-many-auth-failures", "password-only", "password-rejected", "certificate-invalid",
        "account-expired", "auth-succeeded-then-closed", "forward-bind-failed", "forwarding-refused", "forward-target-refused",
        "success",
    ];

    /// <summary>The finding slugs of sshd's log (shared/server-findings.tsv).</summary>
    private static readonly string[] ServerContractSlugs =
    [
        "key-not-authorized", "authorized-keys-permissions", "user-not-allowed", "invalid-user", "shell-missing", "root-login-refused",
        "pubkey-algorithm-refused", "key-accepted-not-signed", "chroot-permissions", "forced-command", "max-startups", "login-grace-timeout",
        "host-key-load-failed", "sshd-config-error", "kex-algorithm-mismatch", "hostkey-algorithm-mismatch", "cipher-mismatch", "mac-mismatch",
        "too-many-auth-failures", "certificate-invalid", "account-expired", "password-rejected", "forwarding-refused", "forward-target-refused",
        "success",
    ];

    /// <summary>Every rule with a page of its own: the client's, and the server's that no client rule shares.</summary>
    private static IEnumerable<TestCaseData> Descriptors() =>
        RuleCatalog.All.Concat(RuleCatalog.ServerOnly).Select(d => new TestCaseData(d).SetArgDisplayNames($"{d.Id} {d.Slug}"));

    private static bool IsServerOnly(RuleDescriptor rule) => RuleCatalog.ServerOnly.Contains(rule);

    [Test]
    public void HasExactlyOneServerRulePerServerContractSlug()
    {
        RuleCatalog.Server.Select(d => d.Slug).Should().BeEquivalentTo(ServerContractSlugs);
        RuleCatalog.Server.Select(d => d.Id).Should().OnlyHaveUniqueItems();
        foreach (var shared in RuleCatalog.Server.Where(s => RuleCatalog.All.Any(c => c.Slug == s.Slug)))
        {
            shared.Id.Should().Be(RuleCatalog.All.Single(c => c.Slug == shared.Slug).Id, because: $"{shared.Slug} means the same on both sides");
        }

        RuleCatalog.ServerOnly.Should().OnlyContain(s => RuleCatalog.All.All(c => c.Slug != s.Slug), because: "a reason only sshd knows has its own slug");
    }

    [Test]
    public void MatchesTheSharedServerContractWhenItIsAvailable()
    {
        var contract = Repo.Path("..", "shared", "server-findings.tsv");
        if (!File.Exists(contract))
        {
            Assert.Ignore("../shared/server-findings.tsv is not beside the repository");
        }

        var slugs = File.ReadLines(contract).Skip(1).Select(l => l.Split('\t')[0]).Where(s => s.Length > 0);
        ServerContractSlugs.Should().BeEquivalentTo(slugs);
    }

    /// <summary>Findings beyond the contract: side notes that never stand for the outcome.</summary>
    private static readonly string[] ExtraSlugs = ["slow-step"];

    [Test]
    public void HasExactlyOneRulePerContractSlug()
    {
        RuleCatalog.All.Select(d => d.Slug).Should().BeEquivalentTo(ContractSlugs.Concat(ExtraSlugs));
        RuleCatalog.All.Where(d => ExtraSlugs.Contains(d.Slug)).Should().OnlyContain(d => d.Severity == Findings.Severity.Warning);
        RuleCatalog.All.Select(d => d.Id).Should().OnlyHaveUniqueItems();
    }

    [Test]
    public void MatchesTheSharedContractWhenItIsAvailable()
    {
        var contract = Repo.Path("..", "shared", "findings.tsv");
        if (!File.Exists(contract))
        {
            Assert.Ignore("../shared/findings.tsv is not beside the repository");
        }

        var slugs = File.ReadLines(contract).Skip(1).Select(l => l.Split('\t')[0]).Where(s => s.Length > 0);
        ContractSlugs.Should().BeEquivalentTo(slugs);
    }

    [TestCaseSource(nameof(Descriptors))]
    public void GivesEachRuleAnIdInItsPhaseRange(RuleDescriptor rule)
    {
        rule.Id.Should().MatchRegex("^LL[0-9]{4}$");
        var range = rule.Phase switch
        {
            Findings.Phase.Local or Findings.Phase.Startup => '0',
            Findings.Phase.Resolve or Findings.Phase.Connect => '1',
            Findings.Phase.VersionExchange => '2',
            Findings.Phase.Negotiation => '3',
            Findings.Phase.HostKey => '4',
            Findings.Phase.Authentication => '5',
            Findings.Phase.Session => '6',
            _ => '9',
        };
        rule.Id[2].Should().Be(range);
    }

    [TestCaseSource(nameof(Descriptors))]
    public void HasADocsPageWithEverySection(RuleDescriptor rule)
    {
        var page = DocsPage(rule);
        page.Should().StartWith($"# {rule.Id} {rule.Slug}: ");
        var prints = IsServerOnly(rule) ? "## What sshd logs" : "## What ssh prints";
        foreach (var section in new[] { prints, "## What it means", "## How to fix it", "## Triggers on", "## Does not trigger on" })
        {
            page.Should().Contain(section, because: $"{rule.Help} needs a '{section}' section");
        }

        Examples(page, "Triggers on").Should().NotBeEmpty(because: $"{rule.Help} needs at least one example that triggers");
    }

    [TestCaseSource(nameof(Descriptors))]
    public void ShipsItsHelpPageInTheLibraryWithAStableAddress(RuleDescriptor rule)
    {
        rule.HelpPage().Should().Be(DocsPage(rule), because: "the library carries docs/rules as it is");
        rule.HelpUri.ToString().Should().Be($"https://github.com/loglens/loglens/blob/main/docs/rules/{rule.Id}.md");
        rule.HelpUri.Should().BeSameAs(rule.HelpUri, "a known rule's address is made once, not for every finding");
    }

    [Test]
    public void AFindingOfAnIdTheCatalogDoesNotKnowStillGetsItsAddress()
    {
        var finding = new Finding("LL9999", "made-by-a-caller", Severity.Info, Phase.Outcome, "Title", "Message.", [], []);

        finding.HelpUri.ToString().Should().Be("https://github.com/loglens/loglens/blob/main/docs/rules/LL9999.md");
    }

    [TestCaseSource(nameof(Descriptors))]
    public void TriggersOnTheDocsPageExamples(RuleDescriptor rule)
    {
        foreach (var example in Examples(DocsPage(rule), "Triggers on"))
        {
            var report = SshLog.Analyze(example);
            report.Sessions.SelectMany(s => s.Findings).Select(f => f.Slug).Should()
                .Contain(rule.Slug, because: $"{rule.Help} says it triggers on:\n{example}");
        }
    }

    [TestCaseSource(nameof(Descriptors))]
    public void DoesNotTriggerOnTheDocsPageCounterExamples(RuleDescriptor rule)
    {
        foreach (var example in Examples(DocsPage(rule), "Does not trigger on"))
        {
            var report = SshLog.Analyze(example);
            report.Sessions.SelectMany(s => s.Findings).Select(f => f.Slug).Should()
                .NotContain(rule.Slug, because: $"{rule.Help} says it does not trigger on:\n{example}");
        }
    }

    [TestCaseSource(nameof(Descriptors))]
    public void IsProvenByAtLeastOneLabScenario(RuleDescriptor rule)
    {
        if (IsServerOnly(rule))
        {
            // ServerLabTests proves the server's findings (and says which one no sshd on the lab's machine can log).
            return;
        }

        Repo.LabScenarios().SelectMany(s => s.Also.Prepend(s.Slug)).Should().Contain(rule.Slug, because: "every diagnosis needs a real OpenSSH log behind it");
    }

    private static string DocsPage(RuleDescriptor rule)
    {
        var path = Repo.Path("docs", "rules", rule.Id + ".md");
        File.Exists(path).Should().BeTrue(because: $"rule {rule.Id} needs {rule.Help}");
        return File.ReadAllText(path);
    }

    private static List<string> Examples(string page, string section)
    {
        var start = page.IndexOf("## " + section, StringComparison.Ordinal);
        if (start < 0)
        {
            return [];
        }

        var end = page.IndexOf("\n## ", start + 3, StringComparison.Ordinal);
        var body = end < 0 ? page[start..] : page[start..end];
        return [.. LogBlock().Matches(body).Select(m => m.Groups[1].Value)];
    }

    [GeneratedRegex(@"```log\n(.*?)```", RegexOptions.Singleline, matchTimeoutMilliseconds: 1000)]
    private static partial Regex LogBlock();
}
