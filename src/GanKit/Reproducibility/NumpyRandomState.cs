namespace GanKit.Reproducibility;

/// <summary>
/// NumPy's legacy <c>np.random.RandomState(seed)</c> (MT19937), bit for bit, for the few draws the GAN metrics need:
/// <see cref="permutation"/>, <see cref="shuffle"/> and <see cref="choice"/>. torch-fidelity draws KID subsets with
/// <c>RandomState(2020).choice(n, m, replace=False)</c> and shuffles Inception-score logits with
/// <c>RandomState(2020).permutation(n)</c>; with this class our subsets and splits are the same rows as theirs.
/// Follows numpy/random/src/mt19937 (seeding, tempering) and mtrand.pyx (Fisher–Yates over
/// <c>random_interval</c>'s masked rejection). Used in notebook 05.
/// </summary>
public sealed class NumpyRandomState
{
    private const int StateLength = 624;
    private const int Shift = 397;
    private const uint MatrixA = 0x9908b0df;
    private const uint UpperMask = 0x80000000;
    private const uint LowerMask = 0x7fffffff;

    private readonly uint[] _key = new uint[StateLength];
    private int _position;

    /// <summary>The state <c>RandomState(seed)</c> starts from; NumPy takes seeds in [0, 2³² − 1].</summary>
    public NumpyRandomState(long seed)
    {
        if (seed < 0 || seed > uint.MaxValue)
            throw new ArgumentOutOfRangeException(nameof(seed), seed, "NumPy's RandomState takes a seed between 0 and 2**32 - 1.");
        // Knuth's multiplier, as the reference Mersenne Twister's init_genrand (NumPy's mt19937_seed).
        uint value = (uint)seed;
        for (int i = 0; i < StateLength; i++) {
            _key[i] = value;
            value = unchecked(1812433253u * (value ^ (value >> 30)) + (uint)i + 1);
        }
        _position = StateLength;
    }

    /// <summary>The next raw 32-bit output (NumPy's <c>next_uint32</c>).</summary>
    public uint NextUInt32()
    {
        if (_position == StateLength) Regenerate();
        uint y = _key[_position++];
        y ^= y >> 11;
        y ^= (y << 7) & 0x9d2c5680;
        y ^= (y << 15) & 0xefc60000;
        y ^= y >> 18;
        return y;
    }

    /// <summary>Two 32-bit outputs, the first in the high half (NumPy's <c>next_uint64</c> for MT19937).</summary>
    public ulong NextUInt64() => ((ulong)NextUInt32() << 32) | NextUInt32();

    /// <summary>A uniform double in [0, 1) with 53 random bits (<c>random_sample()</c>).</summary>
    public double NextDouble()
    {
        uint a = NextUInt32() >> 5, b = NextUInt32() >> 6;
        return (a * 67108864.0 + b) / 9007199254740992.0;
    }

    /// <summary>A uniform integer in [0, <paramref name="max"/>] by masked rejection (NumPy's <c>random_interval</c>).</summary>
    public ulong RandomInterval(ulong max)
    {
        if (max == 0) return 0;
        ulong mask = max;
        mask |= mask >> 1;
        mask |= mask >> 2;
        mask |= mask >> 4;
        mask |= mask >> 8;
        mask |= mask >> 16;
        mask |= mask >> 32;
        ulong value;
        if (max <= uint.MaxValue) {
            while ((value = NextUInt32() & mask) > max) { }
        } else {
            while ((value = NextUInt64() & mask) > max) { }
        }
        return value;
    }

    /// <summary>Shuffles in place as <c>RandomState.shuffle</c> does (the same swaps for a 1-D array or the rows of a matrix).</summary>
    public void shuffle<T>(Span<T> items)
    {
        for (int i = items.Length - 1; i > 0; i--) {
            int j = (int)RandomInterval((ulong)i);
            (items[i], items[j]) = (items[j], items[i]);
        }
    }

    /// <summary><c>RandomState.permutation(n)</c>: 0 … n − 1 shuffled.</summary>
    public long[] permutation(long n)
    {
        if (n < 0) throw new ArgumentOutOfRangeException(nameof(n), n, "A permutation needs a non-negative length.");
        var result = new long[n];
        for (long i = 0; i < n; i++) result[i] = i;
        shuffle(result.AsSpan());
        return result;
    }

    /// <summary>
    /// <c>RandomState.choice(n, size, replace)</c>: without replacement the first <paramref name="size"/> entries of
    /// <c>permutation(n)</c> (so a whole permutation's draws are used), with replacement <c>randint(0, n, size)</c>.
    /// </summary>
    public long[] choice(long n, long size, bool replace = false)
    {
        if (n <= 0 && size > 0) throw new ArgumentOutOfRangeException(nameof(n), n, "choice needs a population of at least 1 to draw from.");
        if (size < 0) throw new ArgumentOutOfRangeException(nameof(size), size, "choice cannot draw a negative number of samples.");
        if (replace) {
            var draws = new long[size];
            for (long i = 0; i < size; i++) draws[i] = (long)RandomInterval((ulong)(n - 1));
            return draws;
        }
        if (size > n)
            throw new ArgumentOutOfRangeException(nameof(size), size, $"choice cannot take {size} samples from a population of {n} without replacement.");
        return permutation(n)[..(int)size];
    }

    private void Regenerate()
    {
        int i = 0;
        for (; i < StateLength - Shift; i++) _key[i] = Twist(_key[i], _key[i + 1], _key[i + Shift]);
        for (; i < StateLength - 1; i++) _key[i] = Twist(_key[i], _key[i + 1], _key[i + Shift - StateLength]);
        _key[StateLength - 1] = Twist(_key[StateLength - 1], _key[0], _key[Shift - 1]);
        _position = 0;
    }

    private static uint Twist(uint current, uint next, uint far)
    {
        uint y = (current & UpperMask) | (next & LowerMask);
        return far ^ (y >> 1) ^ ((y & 1) != 0 ? MatrixA : 0);
    }
}
