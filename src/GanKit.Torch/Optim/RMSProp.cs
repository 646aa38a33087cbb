using TorchSharp.Modules;
using TorchSharp.Optim;
using static TorchSharp.torch;

namespace TorchSharp
{
    public static partial class torch
    {
        public static partial class optim
        {
            /// <summary>RMSprop (Hinton), optionally centred and with momentum.</summary>
            public static RMSProp RMSProp(IEnumerable<Parameter> parameters, double lr = 0.01, double alpha = 0.99, double eps = 1e-8, double weight_decay = 0, double momentum = 0, bool centered = false, bool maximize = false) =>
                new(parameters, lr, alpha, eps, weight_decay, momentum, centered, maximize);

            public static RMSProp RMSProp(IEnumerable<(string name, Parameter parameter)> parameters, double lr = 0.01, double alpha = 0.99, double eps = 1e-8, double weight_decay = 0, double momentum = 0, bool centered = false, bool maximize = false) =>
                new(parameters.Select(np => np.parameter), lr, alpha, eps, weight_decay, momentum, centered, maximize);

            public static RMSProp RMSProp(IEnumerable<RMSProp.ParamGroup> parameters, double lr = 0.01, double alpha = 0.99, double eps = 1e-8, double weight_decay = 0, double momentum = 0, bool centered = false, bool maximize = false) =>
                new(parameters, lr, alpha, eps, weight_decay, momentum, centered, maximize);
        }
    }

    namespace Modules
    {
        /// <summary>
        /// RMSprop as PyTorch 1.13's <c>_single_tensor_rmsprop</c> computes it: g (+ weight_decay·p),
        /// v = αv + (1−α)g²; centred: a = αa + (1−α)g and the denominator is √(v − a²) + ε, else √v + ε;
        /// with momentum b = momentum·b + g/denominator and p −= lr·b, else p −= lr·g/denominator.
        /// </summary>
        public class RMSProp : OptimizerHelper, optim.IMomentum
        {
            public RMSProp(IEnumerable<Parameter> parameters, double lr = 1e-3, double alpha = 0.99, double eps = 1e-8, double weight_decay = 0, double momentum = 0.0, bool centered = false, bool maximize = false)
                : this([new ParamGroup { Parameters = parameters }], lr, alpha, eps, weight_decay, momentum, centered, maximize)
            {
            }

            public RMSProp(IEnumerable<ParamGroup> parameters, double lr = 1e-3, double alpha = 0.99, double eps = 1e-8, double weight_decay = 0, double momentum = 0.0, bool centered = false, bool maximize = false)
            {
                RequireNonNegative(lr, "learning rate", nameof(lr));
                RequireNonNegative(eps, "epsilon value", nameof(eps));
                RequireNonNegative(momentum, "momentum value", nameof(momentum));
                RequireNonNegative(weight_decay, "weight_decay value", nameof(weight_decay));
                RequireNonNegative(alpha, "alpha value", nameof(alpha));
                _defaults = new Options {
                    LearningRate = lr, InitialLearningRate = lr, alpha = alpha, eps = eps, weight_decay = weight_decay,
                    momentum = momentum, centered = centered, maximize = maximize,
                };
                foreach (var g in parameters) add_param_group(g);
            }

            public override Tensor? step(Func<Tensor>? closure = null) => _step<Modules.ParamGroup>(group => {
                var o = OptionsOf<Options>(group);
                foreach (var (ps, grads, states) in WithGradients<State>(group)) Update(o, ps, grads, states);
            }, closure);

            private static void Update(Options o, Parameter[] ps, Tensor[] grads, State[] states)
            {
                double alpha = o.alpha!.Value, momentum = o.momentum!.Value, weight_decay = o.weight_decay!.Value, lr = o.LearningRate!.Value;
                foreach (var s in states) s.step += 1;
                var g = o.maximize!.Value ? ForeachOps.Neg(grads) : grads;
                if (weight_decay != 0) g = ForeachOps.Add(g, ps, weight_decay);
                var square_avgs = states.Select(s => s.square_avg).ToArray();
                ForeachOps.MulInPlace(square_avgs, alpha);
                ForeachOps.AddcmulInPlace(square_avgs, g, g, 1 - alpha);
                Tensor[] avg;
                if (o.centered!.Value) {
                    var grad_avgs = states.Select(s => s.grad_avg ??= s.NewZeros()).ToArray();
                    ForeachOps.MulInPlace(grad_avgs, alpha);
                    ForeachOps.AddInPlace(grad_avgs, g, 1 - alpha);
                    avg = ForeachOps.Addcmul(square_avgs, grad_avgs, grad_avgs, -1);
                    ForeachOps.SqrtInPlace(avg);
                } else {
                    avg = ForeachOps.Sqrt(square_avgs);
                }
                ForeachOps.AddInPlace(avg, o.eps!.Value);
                if (momentum > 0) {
                    var bufs = states.Select(s => s.momentum_buffer ??= s.NewZeros()).ToArray();
                    ForeachOps.MulInPlace(bufs, momentum);
                    ForeachOps.AddcdivInPlace(bufs, g, avg, 1.0);
                    ForeachOps.AddInPlace(ps, bufs, -lr);
                } else {
                    ForeachOps.AddcdivInPlace(ps, g, avg, -lr);
                }
            }

            private protected override OptimizerOptions NewOptions() => new Options();

            private protected override void FillOptions(OptimizerOptions options)
            {
                var o = Expect<Options>(options);
                var def = (Options)_defaults;
                o.maximize ??= def.maximize;
                o.momentum ??= def.momentum;
                o.alpha ??= def.alpha;
                o.eps ??= def.eps;
                o.weight_decay ??= def.weight_decay;
                o.centered ??= def.centered;
            }

            private protected override OptimizerState? NewState(Parameter parameter) => new State(parameter);

            public double Momentum
            {
                get => ((Options)_defaults).momentum!.Value;
                set => ((Options)_defaults).momentum = value;
            }

            /// <summary>
            /// RMSprop's state of one parameter. As in TorchSharp, it starts with a momentum buffer and a centred average
            /// (zeros until used) whatever the options, so its file has both; a file without them loads as null.
            /// </summary>
            public sealed class State : OptimizerState, IDisposable
            {
                public long step;
                public Tensor square_avg;
                public Tensor? momentum_buffer;
                public Tensor? grad_avg;

                public State(Parameter parameter) : base(parameter)
                {
                    square_avg = ZerosLikeParameter();
                }

                internal Tensor NewZeros() => ZerosLikeParameter();

                public override void Initialize(OptimizerOptions options)
                {
                    Dispose();
                    step = 0;
                    square_avg = ZerosLikeParameter();
                    momentum_buffer = ZerosLikeParameter();
                    grad_avg = ZerosLikeParameter();
                }

                public override void to(Device device)
                {
                    square_avg = MoveTo(square_avg, device)!;
                    momentum_buffer = MoveTo(momentum_buffer, device);
                    grad_avg = MoveTo(grad_avg, device);
                }

                public override void LoadStateDict(OptimizerState source)
                {
                    var s = (State)source;
                    step = s.step;
                    square_avg = CopyOf(s.square_avg, square_avg)!;
                    momentum_buffer = CopyOf(s.momentum_buffer, momentum_buffer);
                    grad_avg = CopyOf(s.grad_avg, grad_avg);
                }

                /// <summary>TorchSharp's order: step (int64), square_avg, then momentum_buffer and grad_avg as conditional tensors.</summary>
                public override void SaveStateDict(BinaryWriter writer)
                {
                    writer.Write(step);
                    WriteTensor(writer, square_avg);
                    WriteOptionalTensor(writer, momentum_buffer);
                    WriteOptionalTensor(writer, grad_avg);
                }

                public override void LoadStateDict(BinaryReader reader)
                {
                    step = reader.ReadInt64();
                    ReadTensor(reader, square_avg, nameof(square_avg));
                    momentum_buffer = ReadOptionalTensor(reader, momentum_buffer, nameof(momentum_buffer));
                    grad_avg = ReadOptionalTensor(reader, grad_avg, nameof(grad_avg));
                }

                public void Dispose()
                {
                    square_avg.Dispose();
                    momentum_buffer?.Dispose();
                    grad_avg?.Dispose();
                }
            }

            public class Options : OptimizerOptions
            {
                public bool? maximize;
                public double? momentum;
                public double? alpha;
                public double? eps;
                public double? weight_decay;
                public bool? centered;

                public override void LoadStateDict(OptimizerOptions source)
                {
                    base.LoadStateDict(source);
                    var o = (Options)source;
                    (maximize, momentum, alpha, eps, weight_decay, centered) = (o.maximize, o.momentum, o.alpha, o.eps, o.weight_decay, o.centered);
                }

                /// <summary>TorchSharp's order after the learning rates: maximize (bool), momentum, α, ε, weight decay (doubles), centered (bool).</summary>
                public override void SaveStateDict(BinaryWriter writer)
                {
                    base.SaveStateDict(writer);
                    writer.Write(maximize!.Value);
                    writer.Write(momentum!.Value);
                    writer.Write(alpha!.Value);
                    writer.Write(eps!.Value);
                    writer.Write(weight_decay!.Value);
                    writer.Write(centered!.Value);
                }

                public override void LoadStateDict(BinaryReader reader)
                {
                    base.LoadStateDict(reader);
                    maximize = reader.ReadBoolean();
                    momentum = reader.ReadDouble();
                    alpha = reader.ReadDouble();
                    eps = reader.ReadDouble();
                    weight_decay = reader.ReadDouble();
                    centered = reader.ReadBoolean();
                }
            }

            public class ParamGroup : ParamGroup<Options>, optim.IMomentum
            {
                public ParamGroup() { }

                public ParamGroup(IEnumerable<Parameter> parameters, Options options) : base(parameters, options) { }

                public ParamGroup(IEnumerable<Parameter> parameters, double lr = 1e-3, double eps = 1e-8, double alpha = 0.99, double weight_decay = 0, double momentum = 0.0, bool centered = false)
                    : base(parameters, new Options { LearningRate = lr, eps = eps, alpha = alpha, weight_decay = weight_decay, momentum = momentum, centered = centered })
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
