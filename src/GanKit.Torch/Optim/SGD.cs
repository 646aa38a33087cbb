using TorchSharp.Modules;
using TorchSharp.Optim;
using static TorchSharp.torch;

namespace TorchSharp
{
    public static partial class torch
    {
        public static partial class optim
        {
            /// <summary>Stochastic gradient descent, optionally with (Nesterov) momentum.</summary>
            public static Modules.SGD SGD(IEnumerable<Parameter> parameters, double learningRate, double momentum = 0, double dampening = 0, double weight_decay = 0, bool nesterov = false, bool maximize = false) =>
                new(parameters, learningRate, momentum, dampening, weight_decay, nesterov, maximize);

            public static Modules.SGD SGD(IEnumerable<(string name, Parameter parameter)> parameters, double learningRate, double momentum = 0, double dampening = 0, double weight_decay = 0, bool nesterov = false, bool maximize = false) =>
                new(parameters.Select(np => np.parameter), learningRate, momentum, dampening, weight_decay, nesterov, maximize);

            public static Modules.SGD SGD(IEnumerable<Modules.SGD.ParamGroup> parameters, double learningRate, double momentum = 0.0, double dampening = 0, double weight_decay = 0, bool nesterov = false, bool maximize = false) =>
                new(parameters, learningRate, momentum, dampening, weight_decay, nesterov, maximize);
        }
    }

    namespace Modules
    {
        /// <summary>
        /// SGD as PyTorch 1.13 computes it: d = g (+ weight_decay·p); with momentum
        /// b = d on the first step, then b = momentum·b + (1 − dampening)·d, and d = b (or d + momentum·b
        /// with Nesterov); p −= lr·d. <c>maximize</c> negates g first.
        /// </summary>
        public class SGD : OptimizerHelper, optim.IMomentum
        {
            public SGD(IEnumerable<Parameter> parameters, double lr, double momentum = 0.0, double dampening = 0, double weight_decay = 0, bool nesterov = false, bool maximize = false)
                : this([new ParamGroup { Parameters = parameters }], lr, momentum, dampening, weight_decay, nesterov, maximize)
            {
            }

            public SGD(IEnumerable<ParamGroup> parameters, double lr, double momentum = 0.0, double dampening = 0, double weight_decay = 0, bool nesterov = false, bool maximize = false)
            {
                RequireNonNegative(lr, "learning rate", nameof(lr));
                RequireNonNegative(momentum, "momentum value", nameof(momentum));
                RequireNonNegative(weight_decay, "weight_decay value", nameof(weight_decay));
                if (nesterov && (momentum <= 0 || dampening != 0))
                    throw new ArgumentException("Nesterov momentum requires a momentum and zero dampening", nameof(nesterov));
                _defaults = new Options {
                    LearningRate = lr, InitialLearningRate = lr, momentum = momentum, dampening = dampening,
                    weight_decay = weight_decay, nesterov = nesterov, maximize = maximize,
                };
                foreach (var g in parameters) add_param_group(g);
            }

            public override Tensor? step(Func<Tensor>? closure = null) => _step<Modules.ParamGroup>(group => {
                var o = OptionsOf<Options>(group);
                foreach (var (ps, grads, states) in WithGradients<State>(group)) Update(o, ps, grads, states);
            }, closure);

            private static void Update(Options o, Parameter[] ps, Tensor[] grads, State[] states)
            {
                double momentum = o.momentum!.Value, weight_decay = o.weight_decay!.Value;
                var d = o.maximize!.Value ? ForeachOps.Neg(grads) : grads;
                if (weight_decay != 0) d = ForeachOps.Add(d, ps, weight_decay);
                if (momentum != 0) {
                    var bufs = new Tensor[ps.Length];
                    var running = new List<Tensor>();
                    var runningGrads = new List<Tensor>();
                    for (int k = 0; k < ps.Length; k++) {
                        if (states[k].momentum_buffer is Tensor b) {
                            running.Add(b);
                            runningGrads.Add(d[k]);
                            bufs[k] = b;
                        } else {
                            bufs[k] = states[k].momentum_buffer = d[k].clone().DetachFromDisposeScope();
                        }
                    }
                    if (running.Count > 0) {
                        var r = running.ToArray();
                        ForeachOps.MulInPlace(r, momentum);
                        ForeachOps.AddInPlace(r, runningGrads.ToArray(), 1 - o.dampening!.Value);
                    }
                    d = o.nesterov!.Value ? ForeachOps.Add(d, bufs, momentum) : bufs;
                }
                ForeachOps.AddInPlace(ps, d, -o.LearningRate!.Value);
            }

            private protected override OptimizerOptions NewOptions() => new Options();

            private protected override void FillOptions(OptimizerOptions options)
            {
                var o = Expect<Options>(options);
                var def = (Options)_defaults;
                o.momentum ??= def.momentum;
                o.dampening ??= def.dampening;
                o.weight_decay ??= def.weight_decay;
                o.nesterov ??= def.nesterov;
                o.maximize ??= def.maximize;
            }

            private protected override OptimizerState? NewState(Parameter parameter) => new State(parameter);

            public double Momentum
            {
                get => ((Options)_defaults).momentum!.Value;
                set => ((Options)_defaults).momentum = value;
            }

            /// <summary>SGD's state of one parameter: its momentum buffer, made on the first step that uses momentum.</summary>
            public sealed class State : OptimizerState, IDisposable
            {
                public Tensor? momentum_buffer;

                public State(Parameter parameter) : base(parameter) { }

                public override void Initialize(OptimizerOptions options)
                {
                    momentum_buffer?.Dispose();
                    momentum_buffer = null;
                }

                public override void to(Device device) => momentum_buffer = MoveTo(momentum_buffer, device);

                public override void LoadStateDict(OptimizerState source) =>
                    momentum_buffer = CopyOf(((State)source).momentum_buffer, momentum_buffer);

                public void Dispose() => momentum_buffer?.Dispose();
            }

            public class Options : OptimizerOptions
            {
                public double? momentum;
                public double? dampening;
                public double? weight_decay;
                public bool? nesterov;
                public bool? maximize;

                public override void LoadStateDict(OptimizerOptions source)
                {
                    base.LoadStateDict(source);
                    var o = (Options)source;
                    (momentum, dampening, weight_decay, nesterov, maximize) = (o.momentum, o.dampening, o.weight_decay, o.nesterov, o.maximize);
                }
            }

            public class ParamGroup : ParamGroup<Options>, optim.IMomentum
            {
                public ParamGroup() { }

                public ParamGroup(IEnumerable<Parameter> parameters, Options options) : base(parameters, options) { }

                public ParamGroup(IEnumerable<Parameter> parameters, double lr = 1e-3, double momentum = 0.0, double dampening = 0, double weight_decay = 0, bool nesterov = false, bool maximize = false)
                    : base(parameters, new Options { LearningRate = lr, momentum = momentum, dampening = dampening, weight_decay = weight_decay, nesterov = nesterov, maximize = maximize })
                {
                }

                public double Momentum
                {
                    get => Options!.momentum!.Value;
                    set => Options!.momentum = value;
                }
            }
        }
    }
}
