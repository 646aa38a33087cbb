namespace GanKit.Torch.Tests;

/// <summary>
/// Tests that seed libtorch's global generator and compare against numbers for that seed: they run
/// alone, after the parallel tests, so no other test draws from the stream in between.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class SeededRandomStream
{
    public const string Name = "seeded random stream";
}
