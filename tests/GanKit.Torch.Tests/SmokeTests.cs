namespace GanKit.Torch.Tests;

public class SmokeTests
{
    [Fact]
    public void AddsAndDifferentiates()
    {
        using var x = tensor(new float[] { 1, 2, 3 }, requires_grad: true);
        using var y = x * x + 2.0;
        Assert.Equal(new float[] { 3, 6, 11 }, y.data<float>().ToArray());
        using var s = y.sum();
        s.backward();
        using var g = x.grad!;
        Assert.Equal(new float[] { 2, 4, 6 }, g.data<float>().ToArray());
    }
}
