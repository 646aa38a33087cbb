using System.Runtime.InteropServices;

namespace GanKit.Torch.Tests.Ops;

/// <summary>Bad input gives a managed exception carrying libtorch's message, never a crash.</summary>
public class ErrorTests
{
    [Fact]
    public void ShapeMismatch()
    {
        using var scope = NewDisposeScope();
        var e = Assert.Throws<ExternalException>(() => zeros(2, 3).mm(zeros(2, 3)));
        Assert.Contains("cannot be multiplied", e.Message);
        e = Assert.Throws<ExternalException>(() => zeros(2, 3) + zeros(4));
        Assert.Contains("must match the size", e.Message);
        Assert.Throws<ExternalException>(() => zeros(6).view(4, 2));
        Assert.Throws<ExternalException>(() => cat([zeros(2, 3), zeros(2, 4)], 0));
        Assert.Throws<ExternalException>(() => zeros(2, 3).expand(4, 4));
        Assert.Throws<ExternalException>(() => zeros(2).permute(0, 0));
    }

    [Fact]
    public void DtypeMismatch()
    {
        using var scope = NewDisposeScope();
        var e = Assert.Throws<ExternalException>(() => zeros(2, 2).mm(zeros(2, 2, ScalarType.Float64)));
        // libtorch 1.13 says "expected scalar type Float but found Double", 2.x "… same dtype, but got: float != double".
        Assert.Contains("float", e.Message, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("double", e.Message, StringComparison.OrdinalIgnoreCase);
        Assert.Throws<ExternalException>(() => zeros(3).index_select(0, tensor(new float[] { 0 })));
        Assert.Throws<ExternalException>(() => ones(3, ScalarType.Int64).sqrt_());   // result float cannot go back into Int64
    }

    [Fact]
    public void OutOfRange()
    {
        using var scope = NewDisposeScope();
        var x = zeros(2, 3);
        Assert.Contains("out of range", Assert.Throws<ExternalException>(() => x[2]).Message);
        Assert.Contains("Dimension out of range", Assert.Throws<ExternalException>(() => x.sum(5L)).Message);
        Assert.Throws<ExternalException>(() => x.narrow(1, 2, 2));
        Assert.Throws<ExternalException>(() => x.topk(4, 1));
        Assert.Throws<ExternalException>(() => x.gather(1, tensor(new long[,] { { 3 }, { 0 } })));
    }

    [Fact]
    public void UseAfterDispose()
    {
        var x = ones(2);
        x.Dispose();
        Assert.Throws<InvalidOperationException>(() => x.exp());   // the message is the binding's own, not TorchSharp's
        Assert.Throws<InvalidOperationException>(() => x[0]);
        Assert.Throws<InvalidOperationException>(() => cat([x], 0));
    }

    [TorchSharpDiffersFact("ToString() of a disposed tensor throws InvalidOperationException ('Tensor invalid -- empty "
        + "handle.'), against .NET's rule that ToString does not throw (debuggers and logs call it); this binding returns \"\"")]
    public void ADisposedTensorPrintsAsNothing()
    {
        var x = ones(2);
        x.Dispose();
        Assert.Equal("", x.ToString());
    }

    [Fact]
    public void IndexingLeavesNoIntermediatesInTheScope()
    {
        using var scope = NewDisposeScope();
        var x = arange(24).reshape(2, 3, 4);
        int before = scope.DisposablesCount;
        var y = x[1, TensorIndex.Slice(0, 2), TensorIndex.None, TensorIndex.Tensor(tensor(new long[] { 3 }))];
        Assert.Equal(before + 2, scope.DisposablesCount);   // the index tensor and the result
        Assert.True(scope.Contains(y));
        Expect.Exactly([15, 19], y.flatten());
        x[0, 0, 0] = tensor(100L);
        x[x > 22] = tensor(-1L);
        Assert.Equal(before + 6, scope.DisposablesCount);   // y's 2, two values, the mask
        Expect.Exactly([-1, 1, 2], x[0, 0, TensorIndex.Slice(0, 3)]);   // 100 was over 22 too
        Expect.Exactly([22, -1], x[1, 2, TensorIndex.Slice(2, 4)]);
    }
}
