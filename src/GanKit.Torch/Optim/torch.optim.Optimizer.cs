using TorchSharp.Modules;

namespace TorchSharp;

public static partial class torch
{
    public static partial class optim
    {
        /// <summary>The base of all optimisers: updates parameters from their gradients.</summary>
        public abstract partial class Optimizer : IDisposable
        {
            protected IList<ParamGroup> _parameter_groups = [];

            ~Optimizer() => Dispose(false);

            public void Dispose()
            {
                Dispose(true);
                GC.SuppressFinalize(this);
            }

            protected virtual void Dispose(bool disposing) { }

            /// <summary>Sets the gradients of all parameters to zero.</summary>
            public abstract void zero_grad();

            /// <summary>One update of every parameter; the closure, if given, recomputes and returns the loss.</summary>
            /// <returns>The closure's loss, or null without a closure.</returns>
            public abstract Tensor? step(Func<Tensor>? closure = null);

            /// <summary>Adds a group of parameters with its own options (fine-tuning, unfreezing layers).</summary>
            public abstract void add_param_group(ParamGroup param_group);

            /// <summary>The parameters this optimiser updates, group after group.</summary>
            public abstract IEnumerable<Parameter> parameters();

            /// <summary>
            /// An optimiser's state as two lists (group options, then per-parameter state in group order),
            /// holding the live objects: <c>load_state_dict</c> copies from them.
            /// </summary>
            public class StateDictionary
            {
                internal StateDictionary() { }

                public List<OptimizerOptions> Options { get; } = [];

                public List<OptimizerState> State { get; } = [];

                /// <summary>For each group, the indices into <see cref="State"/> of its parameters.</summary>
                public List<List<int>> StateIndexRef { get; } = [];
            }

            /// <summary>The parameter groups, for reading and setting each one's learning rate.</summary>
            public virtual IEnumerable<ILearningRateController> ParamGroups => _parameter_groups;
        }

        /// <summary>What learning-rate schedulers need of a parameter group.</summary>
        public interface ILearningRateController
        {
            double LearningRate { set; get; }

            double InitialLearningRate { set; get; }
        }

        /// <summary>Optimisers with a momentum factor.</summary>
        public interface IMomentum
        {
            double Momentum { get; set; }
        }

        /// <summary>Optimisers with (β₁, β₂) instead of momentum.</summary>
        public interface IBetas
        {
            (double, double) Betas { get; set; }
        }
    }
}
