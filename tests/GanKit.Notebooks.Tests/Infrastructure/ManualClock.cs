namespace GanKit.Notebooks.Tests.Infrastructure;

/// <summary>A clock that moves only when a test advances it, so throttling is tested without waiting.</summary>
public sealed class ManualClock : TimeProvider
{
    private long _ticks;

    public override long TimestampFrequency => TimeSpan.TicksPerSecond;

    public override long GetTimestamp() => _ticks;

    public void Advance(TimeSpan by) => _ticks += by.Ticks;
}
