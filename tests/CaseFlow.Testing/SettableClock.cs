using NodaTime;

namespace CaseFlow.Testing;

/// <summary>A clock tests set and advance (NodaTime.Testing is not served by our package source).</summary>
public sealed class SettableClock(Instant now) : IClock
{
    private Instant _now = now;
    private readonly Lock _lock = new();

    public static SettableClock At(int year, int month, int day, int hour = 9) =>
        new(Instant.FromUtc(year, month, day, hour, 0));

    public Instant GetCurrentInstant()
    {
        lock (_lock)
        {
            return _now;
        }
    }

    public void Set(Instant now)
    {
        lock (_lock)
        {
            _now = now;
        }
    }

    public void Advance(Duration by)
    {
        lock (_lock)
        {
            _now += by;
        }
    }
}
