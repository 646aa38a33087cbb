namespace GanKit.Benchmarks.Timing;

/// <summary>What all sides of one measurement share: thread count, device, seed, batch size, step counts and the allocator's settings.</summary>
internal sealed record RunSettings(int Threads, string Device, long Seed, int Batch, int Warmup, int Steps, MallocMode Malloc);
