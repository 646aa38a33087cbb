namespace GanKit.Benchmarks.Timing;

/// <summary>What both sides of one measurement share: thread count, device, seed, and step counts.</summary>
internal sealed record RunSettings(int Threads, string Device, long Seed, int Warmup, int Steps);
