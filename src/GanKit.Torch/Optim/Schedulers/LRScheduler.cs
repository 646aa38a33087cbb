namespace TorchSharp;

public static partial class torch
{
    public static partial class optim
    {
        public static partial class lr_scheduler
        {
            /// <summary>
            /// Changes the learning rates of an optimiser's parameter groups as epochs (or batches) pass,
            /// following PyTorch 1.13's chainable schedulers: each step multiplies the current rate.
            /// </summary>
            public abstract class LRScheduler
            {
                private protected readonly Optimizer _optimizer;
                private protected int _last_epoch;
                private protected readonly bool _verbose;
                private protected readonly IList<double> _base_lrs;
                private protected readonly IList<double> _last_lrs;
                protected int _step_count = 0;

                protected LRScheduler(Optimizer optimizer, int last_epoch = -1, bool verbose = false)
                {
                    ArgumentNullException.ThrowIfNull(optimizer);
                    _optimizer = optimizer;
                    _last_epoch = last_epoch;
                    _verbose = verbose;
                    _base_lrs = optimizer.ParamGroups.Select(pg => pg.InitialLearningRate).ToList();
                    _last_lrs = optimizer.ParamGroups.Select(pg => pg.LearningRate).ToList();
                }

                /// <summary>Advances the schedule by one epoch (or batch) and sets the new learning rates.</summary>
                public virtual void step() => step(null);

                /// <summary>Moves the schedule to <paramref name="epoch"/> (closed form), or one further when null.</summary>
                public virtual void step(int? epoch)
                {
                    _step_count += 1;
                    _last_epoch = epoch ?? _last_epoch + 1;
                    // get_lr reads the groups' current rates, so it runs once per step, before any is set.
                    var lrs = (epoch.HasValue ? get_closed_form_lr() : get_lr()).ToList();
                    var groups = _optimizer.ParamGroups.ToList();
                    for (int i = 0; i < groups.Count; i++) {
                        groups[i].LearningRate = lrs[i];
                        if (_verbose && _last_lrs[i] != lrs[i]) Console.WriteLine($"Adjusting learning rate of group {i} to {lrs[i]:E4}.");
                        _last_lrs[i] = lrs[i];
                    }
                }

                /// <summary>Advances the schedule; the metric is ignored by schedulers that do not watch one.</summary>
                public virtual void step(double current, int? epoch = null) => step(epoch);

                /// <summary>The learning rates of the next step, from the current ones.</summary>
                protected virtual IEnumerable<double> get_lr() => _optimizer.ParamGroups.Select(pg => pg.LearningRate);

                /// <summary>The learning rates at <c>_last_epoch</c> computed from the base rates.</summary>
                protected virtual IEnumerable<double> get_closed_form_lr() => get_lr();

                /// <summary>The learning rates the last step set.</summary>
                public IEnumerable<double> get_last_lr() => _last_lrs;

                /// <summary>The current learning rates of the groups, for chainable schedulers.</summary>
                private protected IEnumerable<double> CurrentRates => _optimizer.ParamGroups.Select(pg => pg.LearningRate);
            }

            /// <summary>Multiplies the learning rate by <paramref name="gamma"/> every <paramref name="step_size"/> epochs.</summary>
            public static LRScheduler StepLR(Optimizer optimizer, int step_size, double gamma = 0.1, int last_epoch = -1, bool verbose = false) =>
                new impl.StepLR(optimizer, step_size, gamma, last_epoch, verbose);

            /// <summary>Multiplies the learning rate by <paramref name="gamma"/> at each epoch listed in <paramref name="milestones"/>.</summary>
            public static LRScheduler MultiStepLR(Optimizer optimizer, IList<int> milestones, double gamma = 0.1, int last_epoch = -1, bool verbose = false) =>
                new impl.MultiStepLR(optimizer, milestones, gamma, last_epoch, verbose);

            /// <summary>Multiplies the learning rate by <paramref name="gamma"/> every epoch.</summary>
            public static LRScheduler ExponentialLR(Optimizer optimizer, double gamma = 0.1, int last_epoch = -1, bool verbose = false) =>
                new impl.ExponentialLR(optimizer, gamma, last_epoch, verbose);

            /// <summary>Sets the learning rate to the initial one times <paramref name="lr_lambda"/>(epoch).</summary>
            public static LRScheduler LambdaLR(Optimizer optimizer, Func<int, double> lr_lambda, int last_epoch = -1, bool verbose = false) =>
                new impl.LambdaLR(optimizer, lr_lambda, last_epoch, verbose);
        }
    }
}
