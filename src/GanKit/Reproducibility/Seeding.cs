using TorchSharp;
using static TorchSharp.torch;

namespace GanKit.Reproducibility;

/// <summary>
/// The one place randomness is seeded. <see cref="Seed"/> seeds libtorch (CPU and CUDA) and
/// <see cref="Random"/>, GanKit's only System.Random; loaders shuffle with torch.randperm, so they follow too.
/// </summary>
public static class Seeding
{
    /// <summary>What a seed promises, printed by notebooks beside it.</summary>
    public const string Guarantee =
        "The same seed gives the same numbers on CPU with the same thread count and libtorch version " +
        "(and the same numbers as PyTorch on that libtorch); GPU kernels and other thread counts may differ slightly.";

    private static System.Random _random = new(0);

    /// <summary>The seed last given to <see cref="Seed"/>, or null before the first call.</summary>
    public static int? Current { get; private set; }

    /// <summary>GanKit's System.Random, reseeded by <see cref="Seed"/>: use it for any non-tensor sampling.</summary>
    public static System.Random Random => _random;

    /// <summary>Seeds every generator GanKit uses. Returns the seed, to print.</summary>
    public static int Seed(int seed)
    {
        manual_seed(seed);
        if (cuda.is_available()) cuda.manual_seed_all(seed);
        _random = new System.Random(seed);
        Current = seed;
        return seed;
    }

    /// <summary>
    /// Runs <paramref name="work"/> and puts torch's default generator back as it was: for work that draws random
    /// numbers only sometimes (a classifier trained, or built and then overwritten from a cache file), so that the
    /// numbers drawn afterwards do not depend on whether it ran.
    /// </summary>
    public static T KeepingTorchGenerator<T>(Func<T> work)
    {
        using var callersState = get_rng_state();
        try
        {
            return work();
        }
        finally
        {
            set_rng_state(callersState);
        }
    }
}
