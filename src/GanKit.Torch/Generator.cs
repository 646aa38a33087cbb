using TorchSharp.Native;

namespace TorchSharp;

public static partial class torch
{
    /// <summary>
    /// libtorch's default CPU generator. GanKit.Torch has only the default generator: sampling
    /// functions take a <c>generator</c> argument for source compatibility and use the default one.
    /// </summary>
    public sealed class Generator : IDisposable
    {
        private long _seed;

        internal Generator(long seed) => _seed = seed;

        public long initial_seed() => _seed;

        public Generator manual_seed(long seed)
        {
            NativeMethods.Check(NativeMethods.gk_manual_seed(seed));
            _seed = seed;
            return this;
        }

        /// <summary>The generator's state as a uint8 tensor: saving it with a checkpoint lets a resumed run draw the same numbers.</summary>
        public Tensor get_state()
        {
            NativeMethods.Check(NativeMethods.gk_get_rng_state(out var state));
            return new Tensor(state);
        }

        /// <summary>Restores a state taken with <see cref="get_state"/>; libtorch refuses anything else.</summary>
        public void set_state(Tensor value) => NativeMethods.Check(NativeMethods.gk_set_rng_state(value.Handle));

        public void Dispose() { }
    }

    private static readonly Generator DefaultGenerator = new(67280421310721);

    /// <summary>Seeds libtorch's generators (CPU, and CUDA where present): the same seed gives the same numbers as PyTorch on CPU.</summary>
    public static Generator manual_seed(long seed) => DefaultGenerator.manual_seed(seed);

    public static long initial_seed() => DefaultGenerator.initial_seed();

    public static Tensor get_rng_state() => DefaultGenerator.get_state();

    public static void set_rng_state(Tensor new_state) => DefaultGenerator.set_state(new_state);

    public static class random
    {
        public static Tensor get_rng_state() => DefaultGenerator.get_state();

        public static void set_rng_state(Tensor new_state) => DefaultGenerator.set_state(new_state);

        public static Generator manual_seed(long seed) => DefaultGenerator.manual_seed(seed);

        public static long initial_seed() => DefaultGenerator.initial_seed();
    }
}
