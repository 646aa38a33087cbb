using System.Runtime.InteropServices;

namespace GanKit.Torch.Tests.Ops;

public class ScalarConversionTests
{
    [Fact]
    public void OneElementTensorsConvertToNumbers()
    {
        using var scope = NewDisposeScope();
        var x = tensor(2.75);
        Assert.Equal(2.75f, x.ToSingle());
        Assert.Equal(2.75, x.ToDouble());
        Assert.Equal(2, x.ToInt32());   // truncates as libtorch's cast does
        Assert.Equal(2L, (long)x);
        Assert.Equal(2.75, (double)x);
        Assert.True(x.ToBoolean());
        Assert.Equal((Half)2.75, x.ToHalf());
        Assert.Equal(7, (int)tensor(new long[] { 7 }));
        Assert.Equal(7L, tensor(7L).ToScalar().ToInt64());
        Assert.Equal(2.75, x.ToScalar().ToDouble());
        Assert.False(tensor(false).ToScalar().ToBoolean());
        Assert.Contains("cannot be converted to Scalar", Assert.Throws<ExternalException>(() => zeros(2).ToSingle()).Message);
        Assert.Throws<ArgumentException>(() => zeros(2).item<float>());
    }
}
