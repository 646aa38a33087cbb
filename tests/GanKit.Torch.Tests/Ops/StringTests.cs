using System.Globalization;
// With `using static TorchSharp.torch`, the enum name clashes with the property torch.TensorStringStyle (as in TorchSharp).
using Style = TorchSharp.TensorStringStyle;

namespace GanKit.Torch.Tests.Ops;

/// <summary>TorchSharp's text layouts, reproduced exactly (newline "\n", invariant culture, "g5" floats).</summary>
public class StringTests
{
    private static readonly CultureInfo Inv = CultureInfo.InvariantCulture;

    private static string Jl(Tensor t, int? width = null) => t.ToString(Style.Julia, width: width, cultureInfo: Inv, newLine: "\n");
    private static string Np(Tensor t) => t.ToString(Style.Numpy, cultureInfo: Inv, newLine: "\n");
    private static string Cs(Tensor t) => t.ToString(Style.CSharp, cultureInfo: Inv, newLine: "\n");

    [Fact]
    public void MetadataIsTheDefaultToString()
    {
        using var scope = NewDisposeScope();
        Assert.Equal("[2x3], type = Float32, device = cpu", zeros(2, 3).ToString());
        Assert.Equal("[], type = Int64, device = cpu", tensor(5L).ToString());
        Assert.Equal("[2x3], type = Float32, device = cpu", zeros(2, 3).ToString(Style.Metadata));
        Assert.Equal("[2x3], type = Float32, device = cpu", zeros(2, 3).metastr());
        Assert.Equal("[2x3], type = Float32, device = cpu", zeros(2, 3).ToString(false));
    }

    [Fact]
    public void JuliaStyle()
    {
        using var scope = NewDisposeScope();
        Assert.Equal("[], type = Float32, device = cpu, value = 3.5", Jl(tensor(3.5f)));
        Assert.Equal("[3], type = Float32, device = cpu\n 1 2.5 -3\n", Jl(tensor(new float[] { 1, 2.5f, -3 })));
        Assert.Equal("[2x2], type = Float32, device = cpu\n  1 -2.5\n 10    4\n", Jl(tensor(new float[,] { { 1, -2.5f }, { 10, 4 } })));
        Assert.Equal("[2x2x2], type = Int64, device = cpu\n[0,..,..] =\n 0 1\n 2 3\n\n[1,..,..] =\n 4 5\n 6 7\n",
                     Jl(arange(8).reshape(2, 2, 2)));
        Assert.Equal("[1x2x1x2], type = Int64, device = cpu\n[0,0,..,..] =\n 0 1\n\n[0,1,..,..] =\n 2 3\n",
                     Jl(arange(4).reshape(1, 2, 1, 2)));
        Assert.Equal("[2], type = Float64, device = cpu\n 0.33333 12346\n", Jl(tensor(new double[] { 1.0 / 3, 12345.6 })));
        Assert.Equal("[2], type = Bool, device = cpu\n True False\n", Jl(tensor(new[] { true, false })));
    }

    [Fact]
    public void JuliaStyleElidesColumnsPastTheWidth()
    {
        using var scope = NewDisposeScope();
        Assert.Equal("[30], type = Int64, device = cpu\n 0 1 2 3 4 5 6 7 ...\n", Jl(arange(30), width: 20));
        Assert.Equal("[2x30], type = Int64, device = cpu\n  0  1  2  3  4 ...\n 30 31 32 33 34 ...\n", Jl(arange(60).reshape(2, 30), width: 20));
    }

    [Fact]
    public void NumpyStyle()
    {
        using var scope = NewDisposeScope();
        Assert.Equal("3.5", Np(tensor(3.5)));
        Assert.Equal("[1, 2.5, -3]", Np(tensor(new float[] { 1, 2.5f, -3 })));
        Assert.Equal("[[1, 2]\n [3, 4]]", Np(tensor(new float[,] { { 1, 2 }, { 3, 4 } })));
        Assert.Equal("[[[0, 1]\n  [2, 3]]\n\n [[4, 5]\n  [6, 7]]]", Np(arange(8).reshape(2, 2, 2)));
        Assert.Equal("[0, 1, 2, ... 7, 8, 9]", Np(arange(10)));
        Assert.Equal("[[0]\n [1]\n [2]\n ...\n [5]\n [6]\n [7]]", Np(arange(8).reshape(8, 1)));
        Assert.Equal("[]", Np(zeros(0)));
    }

    [Fact]
    public void CSharpStyle()
    {
        using var scope = NewDisposeScope();
        Assert.Equal("[3], type = Int64, device = cpu, value = long [] {1L, 2L, 3L}", Cs(tensor(new long[] { 1, 2, 3 })));
        Assert.Equal("[2x2], type = Float32, device = cpu, value = \nfloat [,] {\n {1f, 2f},\n {3f, 4f}\n}", Cs(tensor(new float[,] { { 1, 2 }, { 3, 4 } })));
        Assert.Equal("[], type = Float64, device = cpu, value = 0.5", Cs(tensor(0.5)));
    }

    [Fact]
    public void DefaultStyleFollowsTorchSetting()
    {
        using var scope = NewDisposeScope();
        var t = tensor(new float[] { 1, 2 });
        Assert.Equal(Style.Julia, torch.TensorStringStyle);
        Assert.Equal(Jl(t), t.str(newLine: "\n", cultureInfo: Inv));
        Assert.Equal(Jl(t), t.ToString(true, cultureInfo: Inv, newLine: "\n"));
        Assert.Equal("[1, 2]", t.npstr(cultureInfo: Inv));
        Assert.Throws<ArgumentException>(() => torch.TensorStringStyle = Style.Default);
    }
}
