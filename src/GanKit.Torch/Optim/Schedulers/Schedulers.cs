namespace TorchSharp;

public static partial class torch
{
    public static partial class optim
    {
        public static partial class lr_scheduler
        {
            public static partial class impl
            {
                /// <summary>lr ← lr·γ every <c>step_size</c> epochs.</summary>
                public class StepLR : LRScheduler
                {
                    private readonly int _step_size;
                    private readonly double _gamma;

                    public StepLR(Optimizer optimizer, int step_size, double gamma = 0.1, int last_epoch = -1, bool verbose = false) : base(optimizer, last_epoch, verbose)
                    {
                        if (step_size < 1) throw new ArgumentOutOfRangeException(nameof(step_size), step_size, "step_size must be at least 1.");
                        _step_size = step_size;
                        _gamma = gamma;
                        step();
                    }

                    protected override IEnumerable<double> get_lr() =>
                        _last_epoch == 0 || _last_epoch % _step_size != 0 ? CurrentRates : CurrentRates.Select(lr => lr * _gamma);

                    protected override IEnumerable<double> get_closed_form_lr() =>
                        _base_lrs.Select(lr => lr * Math.Pow(_gamma, _last_epoch / _step_size));
                }

                /// <summary>lr ← lr·γ at each milestone epoch (γ to the number of times it is listed).</summary>
                public class MultiStepLR : LRScheduler
                {
                    private readonly int[] _milestones;
                    private readonly double _gamma;

                    public MultiStepLR(Optimizer optimizer, IList<int> milestones, double gamma = 0.1, int last_epoch = -1, bool verbose = false) : base(optimizer, last_epoch, verbose)
                    {
                        ArgumentNullException.ThrowIfNull(milestones);
                        _milestones = milestones.Order().ToArray();
                        _gamma = gamma;
                        step();
                    }

                    protected override IEnumerable<double> get_lr()
                    {
                        int hits = _milestones.Count(m => m == _last_epoch);
                        return hits == 0 ? CurrentRates : CurrentRates.Select(lr => lr * Math.Pow(_gamma, hits));
                    }

                    protected override IEnumerable<double> get_closed_form_lr()
                    {
                        int passed = _milestones.Count(m => m <= _last_epoch);
                        return _base_lrs.Select(lr => lr * Math.Pow(_gamma, passed));
                    }
                }

                /// <summary>lr ← lr·γ every epoch.</summary>
                public class ExponentialLR : LRScheduler
                {
                    private readonly double _gamma;

                    public ExponentialLR(Optimizer optimizer, double gamma = 0.1, int last_epoch = -1, bool verbose = false) : base(optimizer, last_epoch, verbose)
                    {
                        _gamma = gamma;
                        step();
                    }

                    protected override IEnumerable<double> get_lr() =>
                        _last_epoch == 0 ? CurrentRates : CurrentRates.Select(lr => lr * _gamma);

                    protected override IEnumerable<double> get_closed_form_lr() =>
                        _base_lrs.Select(lr => lr * Math.Pow(_gamma, _last_epoch));
                }

                /// <summary>lr = initial lr · λ(epoch), for example a linear decay to zero.</summary>
                public class LambdaLR : LRScheduler
                {
                    private readonly Func<int, double> _lr_lambda;

                    public LambdaLR(Optimizer optimizer, Func<int, double> lr_lambda, int last_epoch = -1, bool verbose = false) : base(optimizer, last_epoch, verbose)
                    {
                        ArgumentNullException.ThrowIfNull(lr_lambda);
                        _lr_lambda = lr_lambda;
                        step();
                    }

                    protected override IEnumerable<double> get_lr() => _base_lrs.Select(lr => lr * _lr_lambda(_last_epoch));
                }
            }
        }
    }
}
