using TorchSharp.Native;

namespace TorchSharp;

// randint, randperm, normal and the in-place samplers (normal_, uniform_, bernoulli_): libtorch's own
// functions on its default generator, so a seed gives PyTorch's numbers.
public static partial class torch
{
    private static Tensor RandInt(long low, long high, ReadOnlySpan<long> size, ScalarType? dtype, Device? device, bool requires_grad)
    {
        var a = new OpArgs();
        a.Int(low);
        a.Int(high);
        a.Ints(size);
        // The schema's default is Int64, but an explicit None would mean the default float type.
        return CallFactory(ref a, Ops.randint_low, dtype ?? ScalarType.Int64, device, requires_grad);
    }

    private static long[] Longs(int[] size) => Array.ConvertAll(size, d => (long)d);

    public static Tensor randint(long high, long[] size, ScalarType? dtype = null, Device? device = null, bool requires_grad = false, Generator? generator = null, string[]? names = null) =>
        RandInt(0, high, size, dtype, device, requires_grad);

    public static Tensor randint(long low, long high, long[] size, ScalarType? dtype = null, Device? device = null, bool requires_grad = false, Generator? generator = null, string[]? names = null) =>
        RandInt(low, high, size, dtype, device, requires_grad);

    public static Tensor randint(int low, int high, int[] size, ScalarType? dtype = null, Device? device = null, bool requires_grad = false, Generator? generator = null, string[]? names = null) =>
        RandInt(low, high, Longs(size), dtype, device, requires_grad);

    public static Tensor randint(int high, int[] size, ScalarType? dtype = null, Device? device = null, bool requires_grad = false, Generator? generator = null, string[]? names = null) =>
        RandInt(0, high, Longs(size), dtype, device, requires_grad);

    public static Tensor randint_like(Tensor input, long low, long high, ScalarType? dtype = null, Device? device = null, bool requires_grad = false) =>
        input.randint_like(low, high, dtype, device, requires_grad);

    public static Tensor randperm(long n, ScalarType? dtype = null, Device? device = null, bool requires_grad = false, Generator? generator = null)
    {
        var a = new OpArgs();
        a.Int(n);
        return CallFactory(ref a, Ops.randperm, dtype ?? ScalarType.Int64, device, requires_grad);
    }

    /// <summary>Samples N(mean, std²) of the given shape (aten::normal, as torch.normal(mean, std, size)).</summary>
    public static Tensor normal(double mean, double std, ReadOnlySpan<long> size, ScalarType? dtype = null, Device? device = null, bool requires_grad = false, Generator? generator = null, string[]? names = null)
    {
        var a = new OpArgs();
        a.Double(mean);
        a.Double(std);
        a.Ints(size);
        a.None(); // generator: the default one
        return CallFactory(ref a, Ops.normal_float_float, dtype, device, requires_grad);
    }

    /// <summary>One sample per element from N(mean[i], std[i]²).</summary>
    public static Tensor normal(Tensor mean, Tensor std, Generator? generator = null)
    {
        var a = new OpArgs();
        a.Tensor(mean);
        a.Tensor(std);
        return a.Call(Ops.normal_Tensor_Tensor);
    }

    public static Tensor bernoulli(Tensor input, Generator? generator = null) => input.bernoulli(generator);

    public partial class Tensor
    {
        public Tensor randint_like(long low, long high, ScalarType? dtype = null, Device? device = null, bool requires_grad = false)
        {
            var a = new OpArgs();
            a.Tensor(this);
            a.Int(low);
            a.Int(high);
            return CallFactory(ref a, Ops.randint_like_low_dtype, dtype, device, requires_grad);
        }

        private Tensor SampleInPlace(Op op, double first, double second)
        {
            var a = new OpArgs();
            a.Tensor(this);
            a.Double(first);
            a.Double(second);
            a.CallInPlace(op);
            return this;
        }

        public Tensor normal_(double mean = 0.0, double std = 1.0, Generator? generator = null) => SampleInPlace(Ops.normal_, mean, std);

        public Tensor uniform_(double from, double to, Generator? generator = null) => SampleInPlace(Ops.uniform_, from, to);

        public Tensor bernoulli_(double p = 0.5, Generator? generator = null)
        {
            var a = new OpArgs();
            a.Tensor(this);
            a.Double(p);
            a.CallInPlace(Ops.bernoulli__float);
            return this;
        }

        public Tensor bernoulli(Generator? generator = null) => Unary(Ops.bernoulli);
    }
}

file static class Ops
{
    public static readonly Op randint_low = new("aten::randint", "low");
    public static readonly Op randint_like_low_dtype = new("aten::randint_like", "low_dtype");
    public static readonly Op randperm = new("aten::randperm");
    public static readonly Op normal_float_float = new("aten::normal", "float_float");
    public static readonly Op normal_Tensor_Tensor = new("aten::normal", "Tensor_Tensor");
    public static readonly Op normal_ = new("aten::normal_");
    public static readonly Op uniform_ = new("aten::uniform_");
    public static readonly Op bernoulli = new("aten::bernoulli");
    public static readonly Op bernoulli__float = new("aten::bernoulli_", "float");
}
