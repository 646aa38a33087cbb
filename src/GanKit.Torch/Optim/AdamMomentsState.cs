using TorchSharp.Optim;
using static TorchSharp.torch;

namespace TorchSharp.Modules;

/// <summary>
/// The per-parameter state Adam and AdamW share: the step count and the running moments
/// (GanKit's common base of <c>Adam.State</c> and <c>AdamW.State</c>).
/// </summary>
public abstract class AdamMomentsState : OptimizerState, IDisposable, IAdamMoments
{
    public long step;
    public Tensor exp_avg;
    public Tensor exp_avg_sq;
    /// <summary>AMSGrad's running maximum of <see cref="exp_avg_sq"/>; null without AMSGrad.</summary>
    public Tensor? max_exp_avg_sq;

    protected AdamMomentsState(Parameter parameter) : base(parameter)
    {
        exp_avg = ZerosLikeParameter();
        exp_avg_sq = ZerosLikeParameter();
    }

    public override void Initialize(OptimizerOptions options)
    {
        Dispose();
        step = 0;
        exp_avg = ZerosLikeParameter();
        exp_avg_sq = ZerosLikeParameter();
        max_exp_avg_sq = options is AdamOptions { amsgrad: true } ? ZerosLikeParameter() : null;
    }

    public override void to(Device device)
    {
        exp_avg = MoveTo(exp_avg, device)!;
        exp_avg_sq = MoveTo(exp_avg_sq, device)!;
        max_exp_avg_sq = MoveTo(max_exp_avg_sq, device);
    }

    public override void LoadStateDict(OptimizerState source)
    {
        var s = (AdamMomentsState)source;
        step = s.step;
        exp_avg = CopyOf(s.exp_avg, exp_avg)!;
        exp_avg_sq = CopyOf(s.exp_avg_sq, exp_avg_sq)!;
        max_exp_avg_sq = CopyOf(s.max_exp_avg_sq, max_exp_avg_sq);
    }

    public void Dispose()
    {
        exp_avg.Dispose();
        exp_avg_sq.Dispose();
        max_exp_avg_sq?.Dispose();
    }

    long IAdamMoments.Step { get => step; set => step = value; }
    Tensor IAdamMoments.ExpAvg => exp_avg;
    Tensor IAdamMoments.ExpAvgSq => exp_avg_sq;
    Tensor? IAdamMoments.MaxExpAvgSq { get => max_exp_avg_sq; set => max_exp_avg_sq = value; }
}
