using TorchSharp.Optim;
using TorchSharp.Serialization;
using static TorchSharp.torch;
using static TorchSharp.torch.optim;

namespace TorchSharp.Modules;

/// <summary>
/// The shared machinery of the managed optimisers: parameter groups, per-parameter state,
/// zero_grad, and a step that runs without autograd and frees its temporaries.
/// </summary>
public abstract class OptimizerHelper : Optimizer
{
    protected OptimizerOptions _defaults = new();

    /// <summary>Per-parameter state, keyed by the parameter's native handle.</summary>
    protected Dictionary<IntPtr, OptimizerState> _state = [];

    /// <summary>Sets every existing gradient to zero in place (as PyTorch 1.13 does by default).</summary>
    public override void zero_grad()
    {
        using var scope = NewDisposeScope();
        using var noGrad = no_grad();
        var grads = parameters().Select(p => p.grad).OfType<Tensor>().ToArray();
        if (grads.Length > 0) ForeachOps.ZeroInPlace(grads);
    }

    public override IEnumerable<Parameter> parameters() => _parameter_groups.SelectMany(g => g.Parameters);

    /// <summary>
    /// Runs the closure (with autograd) if there is one, then <paramref name="body"/> for every group
    /// under no_grad in a dispose scope of its own.
    /// </summary>
    protected Tensor? _step<T>(Action<T> body, Func<Tensor>? loss_closure = null) where T : ParamGroup
    {
        Tensor? loss = null;
        if (loss_closure is not null) {
            using var grad = enable_grad();
            loss = loss_closure();
        }
        using (no_grad())
        using (NewDisposeScope()) {
            foreach (var group in _parameter_groups) {
                body(group as T ?? throw new InvalidOperationException($"{GetType().Name} holds a {group.GetType().Name}, expected a {typeof(T).Name}."));
            }
        }
        return loss;
    }

    /// <summary>
    /// Validates the group, fills its unset options from the defaults, and creates the state of its parameters.
    /// </summary>
    public override void add_param_group(ParamGroup param_group)
    {
        var members = param_group.Parameters.ToList();
        if (members.Count == 0) throw new ArgumentException("optimizer got an empty parameter list", nameof(param_group));
        var seen = parameters().Select(p => p.Handle).ToHashSet();
        foreach (var p in members) {
            if (!seen.Add(p.Handle))
                throw new ArgumentException("some parameters appear more than once in the parameter groups", nameof(param_group));
        }
        param_group.Parameters = members;
        var options = param_group.Options ?? NewOptions();
        param_group.Options = options;
        FillOptions(options);
        options.LearningRate ??= _defaults.LearningRate;
        options.InitialLearningRate = options.LearningRate ?? throw new ArgumentException("the parameter group has no learning rate", nameof(param_group));
        _parameter_groups.Add(param_group);
        foreach (var p in members) {
            if (NewState(p) is not OptimizerState state) continue;
            state.Initialize(options);
            _state[p.Handle] = state;
        }
    }

    /// <summary>The options of every group and the state of every parameter (live objects, not copies).</summary>
    public virtual StateDictionary state_dict()
    {
        var dict = new StateDictionary();
        foreach (var group in _parameter_groups) {
            dict.Options.Add(group.RequireOptions());
            var indices = new List<int>();
            foreach (var p in group.Parameters) {
                indices.Add(dict.State.Count);
                dict.State.Add(_state[p.Handle]);
            }
            dict.StateIndexRef.Add(indices);
        }
        return dict;
    }

    /// <summary>Copies options and state from another optimiser's <see cref="state_dict"/> with the same group layout.</summary>
    public virtual void load_state_dict(StateDictionary state_dict)
    {
        var own = this.state_dict();
        if (state_dict.Options.Count != own.Options.Count)
            throw new ArgumentException($"Invalid optimizer state -- different number of parameter groups: {state_dict.Options.Count} in the state, {own.Options.Count} in this optimizer.", nameof(state_dict));
        if (state_dict.State.Count != own.State.Count)
            throw new ArgumentException($"Invalid optimizer state -- different number of states: {state_dict.State.Count} in the state, {own.State.Count} in this optimizer.", nameof(state_dict));
        for (int i = 0; i < own.Options.Count; i++) {
            if (state_dict.Options[i].GetType() != own.Options[i].GetType())
                throw new ArgumentException($"Invalid optimizer state: group {i} has {state_dict.Options[i].GetType().FullName}, expected {own.Options[i].GetType().FullName}.", nameof(state_dict));
            if (!ReferenceEquals(state_dict.Options[i], own.Options[i])) own.Options[i].LoadStateDict(state_dict.Options[i]);
        }
        for (int i = 0; i < own.State.Count; i++) {
            if (state_dict.State[i].GetType() != own.State[i].GetType())
                throw new ArgumentException($"Invalid optimizer state: parameter {i} has {state_dict.State[i].GetType().FullName}, expected {own.State[i].GetType().FullName}.", nameof(state_dict));
            if (!ReferenceEquals(state_dict.State[i], own.State[i])) own.State[i].LoadStateDict(state_dict.State[i]);
        }
    }

    /// <summary>Writes the options and state in TorchSharp's file format, to a temporary file that then replaces <paramref name="location"/>.</summary>
    public void save_state_dict(string location) => StateDictFormat.SaveFile(location, save_state_dict);

    /// <summary>
    /// TorchSharp's optimizer state format: the optimizer's type name (<see cref="BinaryWriter.Write(string)"/>),
    /// the group count and parameter-state count (unsigned LEB128), every group's options, then every
    /// parameter's state, in group order.
    /// </summary>
    public void save_state_dict(BinaryWriter writer)
    {
        var sd = state_dict();
        writer.Write(GetType().Name);
        StateDictFormat.Encode(writer, sd.Options.Count);
        StateDictFormat.Encode(writer, sd.State.Count);
        foreach (var options in sd.Options) options.SaveStateDict(writer);
        foreach (var state in sd.State) state.SaveStateDict(writer);
        writer.Flush();
    }

    /// <summary>Loads a file written by <see cref="save_state_dict(string)"/> (here or by TorchSharp).</summary>
    public void load_state_dict(string location)
    {
        if (!File.Exists(location)) throw new FileNotFoundException($"No optimizer state file at '{location}'.", location);
        using var stream = File.OpenRead(location);
        using var reader = new BinaryReader(stream);
        load_state_dict(reader);
    }

    /// <summary>
    /// Loads state written by <see cref="save_state_dict(BinaryWriter)"/>. The optimizer type, group and
    /// parameter counts, and every tensor's dtype and shape must match; on any error the optimizer is
    /// left as it was.
    /// </summary>
    public void load_state_dict(BinaryReader reader)
    {
        // Loading writes into the live state as it goes, so keep a copy to roll back to.
        using var backup = new MemoryStream();
        using (var writer = new BinaryWriter(backup, System.Text.Encoding.UTF8, leaveOpen: true)) save_state_dict(writer);
        try {
            Read(reader);
        } catch (Exception e) {
            backup.Position = 0;
            using (var restore = new BinaryReader(backup)) Read(restore);
            // The exception type TorchSharp's reader gives, with what was being read.
            if (e is EndOfStreamException)
                throw new EndOfStreamException($"The {GetType().Name} state ends early: it is truncated or not a TorchSharp optimizer state.", e);
            throw;
        }
    }

    private void Read(BinaryReader reader)
    {
        var name = reader.ReadString();
        if (name != GetType().Name)
            throw new InvalidDataException($"Mismatched optimizer type: expected '{GetType().Name}', but found '{name}' in the loaded stream.");
        var sd = state_dict();
        var groups = StateDictFormat.Decode(reader);
        var states = StateDictFormat.Decode(reader);
        if (groups != sd.Options.Count)
            throw new ArgumentException($"Invalid optimizer state -- different number of parameter groups: {groups} in the state, {sd.Options.Count} in this optimizer.");
        if (states != sd.State.Count)
            throw new ArgumentException($"Invalid optimizer state -- different number of states: {states} in the state, {sd.State.Count} in this optimizer.");
        foreach (var options in sd.Options) options.LoadStateDict(reader);
        foreach (var state in sd.State) state.LoadStateDict(reader);
    }

    /// <summary>Moves all state tensors to a device.</summary>
    public void to(Device device)
    {
        foreach (var state in _state.Values) state.to(device);
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing) {
            foreach (var state in _state.Values) (state as IDisposable)?.Dispose();
            _state.Clear();
        }
        base.Dispose(disposing);
    }

    // GanKit's optimisers override these three; optimisers written outside this assembly (as for
    // TorchSharp) override add_param_group instead, so the defaults do nothing optimiser-specific.

    /// <summary>An empty options record of this optimiser's type.</summary>
    private protected virtual OptimizerOptions NewOptions() => new();

    /// <summary>Fills every option left null with the optimiser's default; rejects another optimiser's options.</summary>
    private protected virtual void FillOptions(OptimizerOptions options) { }

    /// <summary>The state of a new parameter, or null for an optimiser that keeps none.</summary>
    private protected virtual OptimizerState? NewState(Parameter parameter) => null;

    /// <summary>The options of a group as this optimiser's type (add_param_group guarantees it).</summary>
    private protected static TOptions OptionsOf<TOptions>(ParamGroup group) where TOptions : OptimizerOptions =>
        (TOptions)group.RequireOptions();

    /// <summary>Casts a group's options record, or says clearly that it belongs to another optimiser.</summary>
    private protected TOptions Expect<TOptions>(OptimizerOptions options) where TOptions : OptimizerOptions =>
        options as TOptions ?? throw new ArgumentException($"{GetType().Name} needs {typeof(TOptions).FullName} options, got {options.GetType().FullName}.");

    /// <summary>
    /// The group's parameters that have a gradient, with their gradients and states, in chunks for the
    /// multi-tensor ops. On CPU those ops run one operation across the whole list before the next,
    /// so a chunk is kept small enough (in elements) to stay in cache between operations; small
    /// parameters still share one native call per operation. Chunking does not change the numbers.
    /// </summary>
    private protected IEnumerable<(Parameter[] parameters, Tensor[] grads, TState[] states)> WithGradients<TState>(ParamGroup group) where TState : OptimizerState
    {
        var parameters = new List<Parameter>();
        var grads = new List<Tensor>();
        var states = new List<TState>();
        long elements = 0;
        foreach (var p in group.Parameters) {
            if (p.grad is not Tensor g) continue;
            long n = p.numel();
            if (parameters.Count > 0 && elements + n > ChunkElements) {
                yield return (parameters.ToArray(), grads.ToArray(), states.ToArray());
                parameters.Clear();
                grads.Clear();
                states.Clear();
                elements = 0;
            }
            parameters.Add(p);
            grads.Add(g);
            states.Add((TState)_state[p.Handle]);
            elements += n;
        }
        if (parameters.Count > 0) yield return (parameters.ToArray(), grads.ToArray(), states.ToArray());
    }

    /// <summary>About 128 KiB of float32 per tensor list: a handful of lists fit in a core's L2 cache.</summary>
    private const long ChunkElements = 32768;

    /// <summary>Throws PyTorch's message for a hyperparameter below zero.</summary>
    private protected static void RequireNonNegative(double value, string what, string paramName)
    {
        if (!(value >= 0)) throw new ArgumentException($"Invalid {what}: {value}", paramName);
    }
}
