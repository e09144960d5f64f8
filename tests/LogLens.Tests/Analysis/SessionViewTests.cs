using LogLens.Analysis;
using LogLens.Events;
using LogLens.Findings;

namespace LogLens.Tests.Analysis;

/// <summary>
/// The rules ask a <see cref="SessionView"/> for its events by type (<see cref="SessionView.All{T}"/> and friends); the view answers
/// from its type index and keeps the answers that took work. Those answers must be the ones a pass over the events gives.
/// </summary>
public class SessionViewTests
{
    private const string Log = """
        OpenSSH_9.6p1 Ubuntu-3ubuntu13, OpenSSL 3.0.13 30 Jan 2024
        debug1: Will attempt key: /home/u/.ssh/id_ed25519 ED25519 SHA256:aaa explicit
        debug1: Will attempt key: /home/u/.ssh/id_rsa RSA SHA256:bbb
        some shell output
        debug1: Offering public key: /home/u/.ssh/id_ed25519 ED25519 SHA256:aaa explicit
        debug1: Will attempt key: /home/u/.ssh/id_ecdsa ECDSA SHA256:ccc
        debug1: Offering public key: /home/u/.ssh/id_rsa RSA SHA256:bbb
        more shell output
        """;

    private static (SessionView View, List<SshEvent> Events) View()
    {
        var events = SshLog.Parse(Log).ToList();
        return (new SessionView(0, null, events, Phase.Authentication, []), events);
    }

    [Test]
    public void ABaseTypeGathersItsExactTypesInTheLogsOrder()
    {
        var (view, events) = View();

        var keys = view.All<KeyEvent>().ToList();

        keys.Should().HaveCount(5).And.Equal(events.OfType<KeyEvent>());
        keys.Select(k => k.GetType()).Should().Equal(
            typeof(WillAttemptKey), typeof(WillAttemptKey), typeof(OfferingKey), typeof(WillAttemptKey), typeof(OfferingKey));
        view.AllSpan<KeyEvent>().ToArray().Should().Equal(keys);
        view.First<KeyEvent>().Should().BeSameAs(keys[0]);
        view.Last<KeyEvent>().Should().BeSameAs(keys[^1]);
    }

    [Test]
    public void AnExactTypeIsItsEventsInOrderEveryTimeItIsAskedFor()
    {
        var (view, events) = View();

        view.All<OfferingKey>().Should().Equal(events.OfType<OfferingKey>()).And.HaveCount(2);
        view.All<OfferingKey>().Should().Equal(events.OfType<OfferingKey>());
        view.AllSpan<Text>().ToArray().Should().Equal(events.OfType<Text>()).And.HaveCount(2);
        view.Has<Text>().Should().BeTrue();
    }

    [Test]
    public void ATypeTheSessionLacksIsEmpty()
    {
        var (view, _) = View();

        view.All<PermissionDenied>().Should().BeEmpty();
        view.AllSpan<PermissionDenied>().IsEmpty.Should().BeTrue();
        view.Has<PermissionDenied>().Should().BeFalse();
        view.First<PermissionDenied>().Should().BeNull();
        view.All<ServerEvent>().Should().BeEmpty();
        view.Has<ServerEvent>().Should().BeFalse();
    }

    [Test]
    public void EachViewKeepsItsOwnAnswers()
    {
        var (first, _) = View();
        var (second, secondEvents) = View();
        var empty = new SessionView(1, null, [], Phase.Local, []);

        first.All<KeyEvent>().Should().HaveCount(5);
        empty.All<KeyEvent>().Should().BeEmpty();
        empty.All<OfferingKey>().Should().BeEmpty();
        second.All<OfferingKey>().Should().Equal(secondEvents.OfType<OfferingKey>());
        second.All<KeyEvent>().Should().Equal(secondEvents.OfType<KeyEvent>());
        first.First<KeyEvent>().Should().NotBeSameAs(second.First<KeyEvent>());
    }
}
