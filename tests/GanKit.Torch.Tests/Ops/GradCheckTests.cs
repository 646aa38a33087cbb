namespace GanKit.Torch.Tests.Ops;

public class GradCheckTests
{
    [Fact]
    public void AcceptsCorrectGradients()
    {
        using var x = tensor(new double[] { 0.5, -1.25, 2 });
        GradCheck.Check(t => t * t * t, x);
    }

    [Fact]
    public void RejectsWrongGradients()
    {
        // x · detach(x) has gradient x, half the true 2x: the check must notice.
        using var x = tensor(new double[] { 0.5, -1.25, 2 });
        Assert.ThrowsAny<Xunit.Sdk.XunitException>(() => GradCheck.Check(t => t * t.detach(), x));
    }
}
