using LogLens.Parsing;

namespace LogLens.Tests.Parsing;

/// <summary>The span-keyed table of the dispatcher and the envelope: every key found by its characters, nothing else.</summary>
public class SpanTableTests
{
    [Test]
    public void FindsEveryKeyByItsCharactersAndNothingElse()
    {
        // Keys whose hash inputs agree (length, first and last four characters) collide on purpose; short and empty keys too.
        string[] keys =
        [
            "", "a", "ab", "abc", "abcd", "ssh_connect_direct", "ssh_connect_dxrect", "ssh_connect_dyrect", "kex_input_ext_info",
            "Authenticating", "Authentications", "debug1", "debug2", "debug3",
        ];
        var table = new SpanTable<int>(keys.Select((k, i) => KeyValuePair.Create(k, i)));
        table.Count.Should().Be(keys.Length);
        for (var i = 0; i < keys.Length; i++)
        {
            var line = $"<{keys[i]}>";
            table.TryGetValue(line.AsSpan(1, keys[i].Length), out var value).Should().BeTrue(keys[i]);
            value.Should().Be(i);
        }

        foreach (var other in new[] { "abcde", "ssh_connect_dzrect", "ssh_connect_direc", "b", "debug4", "Authenticatinh" })
        {
            table.TryGetValue(other, out _).Should().BeFalse(other);
        }
    }

    [Test]
    public void HoldsManyKeysThatShareTheirHash()
    {
        var keys = Enumerable.Range(0, 500).Select(i => $"head{i:D4}tail").ToList();
        var table = new SpanTable<string>(keys.Select(k => KeyValuePair.Create(k, k)));
        foreach (var key in keys)
        {
            table.TryGetValue(key, out var value).Should().BeTrue(key);
            value.Should().BeSameAs(key);
        }

        table.TryGetValue("head0500tail", out _).Should().BeFalse();
    }

    [Test]
    public void RefusesAKeyGivenTwice()
    {
        var build = () => new SpanTable<int>([KeyValuePair.Create("x", 1), KeyValuePair.Create("x", 2)]);
        build.Should().Throw<ArgumentException>().WithMessage("*'x'*");
    }

    [Test]
    public void HashesTheSameCharactersAlikeWhereverTheyLie()
    {
        var line = "debug1: kex_input_ext_info: server-sig-algs=<ssh-ed25519>";
        SpanHash.Of(line.AsSpan(8, 18)).Should().Be(SpanHash.Of("kex_input_ext_info"));
        Strings.Of(line.AsSpan(8, 18)).Should().BeSameAs(Strings.Of("kex_input_ext_info".AsSpan()));
    }
}
