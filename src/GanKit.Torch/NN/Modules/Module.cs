using System.Reflection;
using System.Runtime.InteropServices;
using TorchSharp.Modules;
using TorchSharp.Serialization;
using TorchSharp.Utils;

namespace TorchSharp;

public static partial class torch
{
    public static partial class nn
    {
        /// <summary>
        /// The base of every network part: a registry of named parameters, buffers and submodules
        /// (in registration order, which is state_dict order), train/eval mode, device and dtype
        /// moves, and TorchSharp's own weight-file format. Purely managed: libtorch only sees tensors.
        /// </summary>
        public class Module : IDisposable
        {
            protected Module(string name)
            {
                this.name = name;
            }

            protected string? name;

            private bool _training = true;
            private bool _areComponentsRegistered;
            private bool _disposed;

            protected OrderedDict<string, Module> _internal_submodules = new();
            protected OrderedDict<string, (Tensor, bool)> _internal_buffers = new();
            protected OrderedDict<string, Parameter> _internal_params = new();

            public virtual string GetName() => string.IsNullOrEmpty(name) ? GetType().Name : name!;

            // ---- lifetime -------------------------------------------------------------------

            public void Dispose()
            {
                Dispose(true);
                GC.SuppressFinalize(this);
            }

            /// <summary>Frees this module's parameters and buffers, then its children's.</summary>
            protected virtual void Dispose(bool disposing)
            {
                if (!disposing || _disposed) return;
                _disposed = true;
                foreach (var (_, b) in named_buffers(false)) b.DetachFromDisposeScope().Dispose();
                foreach (var (_, p) in named_parameters(false)) p.DetachFromDisposeScope().Dispose();
                foreach (var (_, m) in named_children()) m.Dispose();
            }

            // ---- registration ---------------------------------------------------------------

            /// <summary>
            /// Registers the fields of a custom module that hold modules, parameters or tensors
            /// (buffers), named by field name or <see cref="ComponentNameAttribute"/>, as TorchSharp does.
            /// Call it at the end of a custom module's constructor.
            /// </summary>
            protected virtual void RegisterComponents()
            {
                if (_areComponentsRegistered) return;
                foreach (var field in FieldsOf(GetType())) {
                    var fieldName = field.GetCustomAttribute<ComponentNameAttribute>()?.Name ?? field.Name;
                    if (_internal_submodules.ContainsKey(fieldName) || _internal_params.ContainsKey(fieldName) || _internal_buffers.ContainsKey(fieldName)) continue;
                    switch (field.GetValue(this)) {
                    case Module module: register_module(fieldName, module); break;
                    case Parameter parameter: register_parameter(fieldName, parameter); break; // before Tensor: a Parameter is one
                    case Tensor tensor: register_buffer(fieldName, tensor); break;
                    }
                }
                _areComponentsRegistered = true;
            }

            /// <summary>Instance fields of a type and its bases, a field hidden by a derived one listed once.</summary>
            private static IEnumerable<FieldInfo> FieldsOf(Type type)
            {
                var seen = new HashSet<string>();
                for (Type? t = type; t is not null && t != typeof(object); t = t.BaseType) {
                    foreach (var field in t.GetFields(BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Instance | BindingFlags.DeclaredOnly)) {
                        if (seen.Add(field.Name)) yield return field;
                    }
                }
            }

            public virtual void register_buffer(string name, Tensor tensor, bool persistent = true)
            {
                if (tensor is null || tensor.IsInvalid)
                    throw new ArgumentNullException(nameof(tensor), "A null tensor cannot be registered as a buffer.");
                if (!_internal_buffers.TryAdd(name, (tensor, persistent)))
                    throw new InvalidOperationException($"Tensor {name} is already registered.");
            }

            public virtual void register_parameter(string name, Parameter param)
            {
                if (param is null || param.IsInvalid)
                    throw new ArgumentNullException(nameof(param), "A null tensor cannot be registered as a parameter.");
                if (!_internal_params.TryAdd(name, param))
                    throw new InvalidOperationException($"Parameter {name} is already registered.");
            }

            public void add_module(string name, Module module) => register_module(name, module);

            public virtual void register_module(string name, Module submodule)
            {
                if (submodule is null) {
                    _internal_submodules.Remove(name);
                    return;
                }
                if (name.Contains('.')) throw new ArgumentException($"module name can't contain \".\", got: {name}");
                if (string.IsNullOrEmpty(name)) throw new ArgumentException("module name can't be empty string \"\"");
                if (_internal_submodules.ContainsKey(name)) throw new InvalidOperationException($"Sub-module {name} is already registered.");
                submodule.RegisterComponents();
                _internal_submodules.Add(name, submodule);
            }

            /// <summary>Sets, replaces or (with null) removes a parameter registration; layers' property setters use it.</summary>
            protected void ConditionallyRegisterParameter(string name, Parameter? value)
            {
                if (value is null) _internal_params.Remove(name);
                else _internal_params[name] = value;
            }

            protected void ConditionallyRegisterParameter(string name, Tensor value) =>
                ConditionallyRegisterParameter(name, value as Parameter ?? new Parameter(value));

            protected void ConditionallyRegisterBuffer(string name, Tensor? value, bool persistent = true)
            {
                if (value is null) _internal_buffers.Remove(name);
                else _internal_buffers[name] = (value, persistent);
            }

            protected void ClearModules() => _internal_submodules.clear();

            // ---- enumeration ----------------------------------------------------------------

            public virtual IEnumerable<(string name, Parameter parameter)> named_parameters(bool recurse = true)
            {
                var seen = new HashSet<IntPtr>();
                foreach (var (n, p) in _internal_params) {
                    if (seen.Add(p.Handle)) yield return (n, p);
                }
                if (!recurse) yield break;
                foreach (var (sn, sm) in _internal_submodules) {
                    foreach (var (n, p) in sm.named_parameters(true)) {
                        if (seen.Add(p.Handle)) yield return ($"{sn}.{n}", p);
                    }
                }
            }

            public virtual IEnumerable<Parameter> parameters(bool recurse = true) => named_parameters(recurse).Select(np => np.parameter);

            public virtual IEnumerable<(string name, Tensor buffer)> named_buffers(bool recurse = true, bool include_nonpersistent = true)
            {
                var seen = new HashSet<IntPtr>();
                foreach (var (n, (b, persistent)) in _internal_buffers) {
                    if ((persistent || include_nonpersistent) && seen.Add(b.Handle)) yield return (n, b);
                }
                if (!recurse) yield break;
                foreach (var (sn, sm) in _internal_submodules) {
                    foreach (var (n, b) in sm.named_buffers(true, include_nonpersistent)) {
                        if (seen.Add(b.Handle)) yield return ($"{sn}.{n}", b);
                    }
                }
            }

            public virtual IEnumerable<Tensor> buffers(bool recurse = true, bool include_nonpersistent = true) =>
                named_buffers(recurse, include_nonpersistent).Select(nb => nb.buffer);

            public virtual IEnumerable<(string name, Module module)> named_children() => _internal_submodules;

            public virtual IEnumerable<Module> children() => named_children().Select(nc => nc.module);

            /// <summary>All submodules (not this one, as in TorchSharp): direct children first, then their descendants.</summary>
            public virtual IEnumerable<(string name, Module module)> named_modules()
            {
                foreach (var child in named_children()) yield return child;
                foreach (var (cn, child) in named_children()) {
                    foreach (var (n, m) in child.named_modules()) yield return ($"{cn}.{n}", m);
                }
            }

            public virtual IEnumerable<Module> modules() => named_modules().Select(nm => nm.module);

            public virtual bool has_parameter(string target) => get_parameter(target) is not null;

            public virtual bool has_buffer(string target) => get_buffer(target) is not null;

            public virtual Parameter? get_parameter(string target) =>
                Find(target, (m, n) => m._internal_params.TryGetValue(n, out var p) ? p : null);

            public virtual Tensor? get_buffer(string target) =>
                Find(target, (m, n) => m._internal_buffers.TryGetValue(n, out var b) ? b.Item1 : null);

            /// <summary>Follows a dotted path ("sub.weight") through the children to a local lookup.</summary>
            private T? Find<T>(string target, Func<Module, string, T?> local) where T : class
            {
                var dot = target.IndexOf('.');
                if (dot < 0) return local(this, target);
                var head = target[..dot];
                foreach (var (n, child) in named_children()) {
                    if (n == head) return child.Find(target[(dot + 1)..], local);
                }
                return null;
            }

            public virtual Module apply(Action<Module> fn)
            {
                foreach (var child in children()) child.apply(fn);
                fn(this);
                return this;
            }

            // ---- modes and gradients --------------------------------------------------------

            public virtual void train(bool train = true)
            {
                _training = train;
                foreach (var child in children()) child.train(train);
            }

            public virtual void eval() => train(false);

            public virtual bool training => _training;

            public virtual void zero_grad(bool set_to_none = true)
            {
                foreach (var p in parameters()) {
                    using var grad = p.grad;
                    if (grad is null) continue;
                    if (set_to_none) p.grad = null;
                    else ParameterData.Zero(grad);
                }
            }

            // ---- device and dtype -----------------------------------------------------------

            protected internal virtual Module _to(Device device, ScalarType dtype, bool non_blocking)
            {
                if (!ParameterData.IsFloatingPoint(dtype))
                    throw new ArgumentException($"nn.Module.to only accepts floating point dtypes, but got desired dtype={dtype}");
                return Move(dtype, CheckedDevice(device), non_blocking);
            }

            protected internal virtual Module _to(DeviceType deviceType, int deviceIndex, bool non_blocking) =>
                Move(null, CheckedDevice(new Device(deviceType, deviceIndex)), non_blocking);

            protected internal virtual Module _to(ScalarType dtype, bool non_blocking)
            {
                if (!ParameterData.IsFloatingPoint(dtype))
                    throw new ArgumentException($"nn.Module.to only accepts floating point dtypes, but got desired dtype={dtype}");
                return Move(dtype, null, non_blocking);
            }

            public Module _to(Tensor other, bool non_blocking)
            {
                _to(other.dtype, non_blocking);
                return _to(other.device_type, other.device_index, non_blocking);
            }

            /// <summary>
            /// Converts this module's own parameters and buffers in place (the Parameter and Tensor
            /// objects stay valid, as in PyTorch) and asks each child to do the same.
            /// </summary>
            private Module Move(ScalarType? dtype, Device? device, bool non_blocking)
            {
                foreach (var child in children()) {
                    if (device is null) child._to(dtype!.Value, non_blocking);
                    else if (dtype is null) child._to(device.type, device.index, non_blocking);
                    else child._to(device, dtype.Value, non_blocking);
                }
                foreach (var (_, p) in named_parameters(false)) ParameterData.MoveInPlace(p, dtype, device, non_blocking);
                foreach (var (_, b) in named_buffers(false)) ParameterData.MoveInPlace(b, dtype, device, non_blocking);
                return this;
            }

            // ---- state ----------------------------------------------------------------------

            /// <summary>The live parameters, then the persistent buffers, keyed by dotted path.</summary>
            public virtual Dictionary<string, Tensor> state_dict(Dictionary<string, Tensor>? destination = null, string? prefix = null)
            {
                destination ??= [];
                foreach (var (n, p) in named_parameters()) destination.TryAdd(string.IsNullOrEmpty(prefix) ? n : $"{prefix}.{n}", p);
                foreach (var (n, b) in named_buffers(include_nonpersistent: false)) destination.TryAdd(string.IsNullOrEmpty(prefix) ? n : $"{prefix}.{n}", b);
                return destination;
            }

            /// <summary>Copies matching entries into this module's tensors; strict also demands identical keys.</summary>
            public virtual (IList<string> missing_keys, IList<string> unexpected_keyes) load_state_dict(Dictionary<string, Tensor> source, bool strict = true, IList<string>? skip = null)
            {
                skip ??= [];
                var destination = state_dict();
                var unexpected = source.Keys.Where(k => !skip.Contains(k) && !destination.ContainsKey(k)).ToList();
                var missing = destination.Keys.Where(k => !skip.Contains(k) && !source.ContainsKey(k)).ToList();
                if (strict && (missing.Count > 0 || unexpected.Count > 0))
                    throw new InvalidOperationException(
                        "The loaded state_dict is not identical to the target dictionary. " +
                        $"Missing keys: [{string.Join(", ", missing)}]; unexpected keys: [{string.Join(", ", unexpected)}].");
                var updates = source.Where(kv => !skip.Contains(kv.Key) && destination.ContainsKey(kv.Key)).ToList();
                // Check every shape before copying anything, so a bad dictionary leaves the module untouched. The
                // exception type is TorchSharp's, whose copy_ fails in libtorch.
                foreach (var (key, value) in updates) {
                    var target = destination[key];
                    if (!target.shape.SequenceEqual(value.shape))
                        throw new ExternalException($"Size mismatch for '{key}': the state_dict has shape [{string.Join(", ", value.shape)}], the module [{string.Join(", ", target.shape)}].");
                }
                foreach (var (key, value) in updates) ParameterData.CopyInto(destination[key], value);
                return (missing, unexpected);
            }

            /// <summary>Writes the state dict in TorchSharp's format, to a temporary file that then replaces <paramref name="location"/>.</summary>
            public Module save(string location, IList<string>? skip = null)
            {
                StateDictFormat.SaveFile(location, writer => save(writer, skip));
                return this;
            }

            public Module save(BinaryWriter writer, IList<string>? skip = null)
            {
                save_state_dict(writer, state_dict(), skip);
                return this;
            }

            public Module save(Stream stream, IList<string>? skip = null)
            {
                using var writer = new BinaryWriter(stream);
                return save(writer, skip);
            }

            public static void save_state_dict(BinaryWriter writer, Dictionary<string, Tensor> sd, IList<string>? skip = null) =>
                StateDictFormat.Write(writer, skip is null || skip.Count == 0 ? sd : sd.Where(kv => !skip.Contains(kv.Key)));

            public virtual Module load(string location, bool strict = true, IList<string>? skip = null, Dictionary<string, bool>? loadedParameters = null)
            {
                if (!File.Exists(location)) throw new FileNotFoundException($"No weight file at '{location}'.", location);
                using var stream = File.OpenRead(location);
                using var reader = new BinaryReader(stream);
                try {
                    return load(reader, strict, skip, loadedParameters);
                } catch (EndOfStreamException e) {
                    // The exception type TorchSharp's reader gives, with the file named.
                    throw new EndOfStreamException($"'{location}' ends early: it is truncated or not a TorchSharp weight file.", e);
                }
            }

            public virtual Module load(BinaryReader reader, bool strict = true, IList<string>? skip = null, Dictionary<string, bool>? loadedParameters = null)
            {
                StateDictFormat.Read(reader, state_dict(), strict, skip ?? [], loadedParameters);
                return this;
            }

            public Module load(Stream stream, bool strict = true, IList<string>? skip = null, Dictionary<string, bool>? loadedParameters = null)
            {
                using var reader = new BinaryReader(stream);
                return load(reader, strict, skip, loadedParameters);
            }

            public static Module Create<T>(string path) where T : Module, new() => new T().load(path);
        }
    }
}
