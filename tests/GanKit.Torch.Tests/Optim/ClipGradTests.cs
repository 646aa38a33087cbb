using static GanKit.Torch.Tests.Optim.OptimTestKit;

namespace GanKit.Torch.Tests.Optim;

public class ClipGradTests
{
    [Fact]
    public void ClipGradNormScalesToTheJointTwoNorm()
    {
        using var scope = torch.NewDisposeScope();
        var a = Param(0, 0);
        var b = Param(0);
        SetGrad(a, 3, 4);
        SetGrad(b, 12);
        // √(9 + 16 + 144) = 13.
        double total = torch.nn.utils.clip_grad_norm_([a, b], 6.5);
        Assert.Equal(13.0, total, 12);
        double coef = 6.5 / (13 + 1e-6);
        AssertClose([3 * coef, 4 * coef], a.grad!);
        AssertClose([12 * coef], b.grad!);
    }

    [Fact]
    public void ClipGradNormLeavesSmallGradientsUnchanged()
    {
        using var scope = torch.NewDisposeScope();
        var a = Param(0, 0);
        SetGrad(a, 3, -4);
        Assert.Equal(5.0, torch.nn.utils.clip_grad_norm_([a], 10), 12);
        AssertClose([3, -4], a.grad!);
    }

    [Fact]
    public void ClipGradNormWithInfinityUsesTheLargestMagnitude()
    {
        using var scope = torch.NewDisposeScope();
        var a = Param(0, 0);
        var b = Param(0);
        SetGrad(a, 3, -8);
        SetGrad(b, 2);
        Assert.Equal(8.0, torch.nn.utils.clip_grad_norm_([a, b], 4, double.PositiveInfinity));
        double coef = 4 / (8 + 1e-6);
        AssertClose([3 * coef, -8 * coef], a.grad!);
        AssertClose([2 * coef], b.grad!);
    }

    [Fact]
    public void ClipGradNormWithOneNormAndMissingGradients()
    {
        using var scope = torch.NewDisposeScope();
        var a = Param(0, 0);
        var none = Param(0);
        SetGrad(a, 1, -2);
        Assert.Equal(3.0, torch.nn.utils.clip_grad_norm_([a, none], 1.5, 1), 12);
        AssertClose([0.5, -1.0], a.grad!, 1e-6);
        Assert.Null(none.grad);
        Assert.Equal(0.0, torch.nn.utils.clip_grad_norm_([none], 1.0));
    }

    [Fact]
    public void ClipGradNormOfFloat32GradientsMatchesHandComputation()
    {
        using var scope = torch.NewDisposeScope();
        var a = new TorchSharp.Modules.Parameter(tensor(new float[] { 0, 0 }));
        a.grad = tensor(new float[] { 6, 8 });
        Assert.Equal(10.0, torch.nn.utils.clip_grad_norm_([a], 1), 5);
        AssertClose([0.6, 0.8], a.grad!, 1e-6);
    }

    [Fact]
    public void ClipGradValueClampsEachGradient()
    {
        using var scope = torch.NewDisposeScope();
        var a = Param(0, 0, 0);
        var none = Param(0);
        SetGrad(a, -3, 0.5, 7);
        torch.nn.utils.clip_grad_value_([a, none], 1.0);
        AssertClose([-1, 0.5, 1], a.grad!);
        Assert.Null(none.grad);
    }
}
