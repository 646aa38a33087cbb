namespace GanKit.Benchmarks.Timing;

/// <summary>What both sides of one measurement share: thread count, device, seed, batch size and step counts.</summary>
internal sealed record RunSettings(int Threads, string Device, long Seed, int Batch, int Warmup, int Steps);
