namespace LogLens.Tests.Support;

/// <summary>A clock that moves only when a test says so; its timers fire as it passes their due times.</summary>
internal sealed class FakeClock : TimeProvider
{
    private readonly Lock gate = new();
    private readonly List<FakeTimer> timers = [];
    private DateTimeOffset now = new(2026, 1, 1, 12, 0, 0, TimeSpan.Zero);

    public override DateTimeOffset GetUtcNow()
    {
        lock (gate)
        {
            return now;
        }
    }

    /// <summary>Moves the clock on in one-second steps, firing the timers that come due on the way.</summary>
    public void Advance(TimeSpan by)
    {
        var end = GetUtcNow() + by;
        while (GetUtcNow() < end)
        {
            var step = end - GetUtcNow() < TimeSpan.FromSeconds(1) ? end - GetUtcNow() : TimeSpan.FromSeconds(1);
            List<FakeTimer> due;
            lock (gate)
            {
                now += step;
                due = [.. timers.Where(t => t.Due is { } d && d <= now)];
            }

            foreach (var timer in due)
            {
                timer.Fire();
            }
        }
    }

    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period)
    {
        var timer = new FakeTimer(this, callback, state);
        timer.Change(dueTime, period);
        lock (gate)
        {
            timers.Add(timer);
        }

        return timer;
    }

    private sealed class FakeTimer(FakeClock clock, TimerCallback callback, object? state) : ITimer
    {
        private TimeSpan period;

        public DateTimeOffset? Due { get; private set; }

        public bool Change(TimeSpan dueTime, TimeSpan period)
        {
            this.period = period;
            Due = dueTime == Timeout.InfiniteTimeSpan ? null : clock.GetUtcNow() + dueTime;
            return true;
        }

        public void Fire()
        {
            Due = period == Timeout.InfiniteTimeSpan || period == TimeSpan.Zero ? null : Due + period;
            callback(state);
        }

        public void Dispose()
        {
            Due = null;
            lock (clock.gate)
            {
                clock.timers.Remove(this);
            }
        }

        public ValueTask DisposeAsync()
        {
            Dispose();
            return ValueTask.CompletedTask;
        }
    }
}
