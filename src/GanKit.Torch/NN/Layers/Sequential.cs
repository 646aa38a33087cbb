using System.Runtime.CompilerServices;
using TorchSharp.Modules;
using TorchSharp.Native;
using static TorchSharp.torch;

namespace TorchSharp.Modules
{
    /// <summary>
    /// Modules applied in order. Children are named by position ("0", "1", …) or by the names
    /// given, which become the state_dict prefixes. Intermediate results are disposed as soon as
    /// the next module has consumed them, as TorchSharp does (autograd keeps what it needs).
    /// </summary>
    public class Sequential : nn.Module<Tensor, Tensor>
    {
        private readonly List<nn.IModule<Tensor, Tensor>> _modules = [];

        protected Sequential(params (string name, nn.Module<Tensor, Tensor> submodule)[] modules) : base(nameof(Sequential))
        {
            foreach (var (name, module) in modules) Add(name, module);
        }

        protected Sequential(params nn.Module<Tensor, Tensor>[] modules) : base(nameof(Sequential))
        {
            foreach (var module in modules) Add(_modules.Count.ToString(), module);
        }

        internal Sequential(IEnumerable<(string name, nn.IModule<Tensor, Tensor> submodule)> modules) : base(nameof(Sequential))
        {
            foreach (var (name, module) in modules) Add(name, module);
        }

        public Sequential append(string name, nn.IModule<Tensor, Tensor> module)
        {
            Add(name, module);
            return this;
        }

        public Sequential append(nn.IModule<Tensor, Tensor> module) => append(_modules.Count.ToString(), module);

        // TorchSharp 0.107's Sequential names this parameter include_persistent (it means include_nonpersistent, as
        // Module's does); the same name here, so that code naming it compiles on both.
        public override IEnumerable<(string name, Tensor buffer)> named_buffers(bool recurse = true, bool include_persistent = true) =>
            base.named_buffers(recurse, include_persistent);

        private void Add(string name, nn.IModule<Tensor, Tensor> module)
        {
            if (module is not nn.Module m) throw new ArgumentException($"Sequential needs nn.Module entries; '{name}' is a {module.GetType().Name}.", nameof(module));
            register_module(name, m);
            _modules.Add(module);
        }

        public override Tensor forward(Tensor tensor)
        {
            var x = tensor;
            foreach (var module in _modules) {
                var y = module.call(x);
                if (!ReferenceEquals(x, tensor) && !ReferenceEquals(x, y)) x.Dispose();
                x = y;
            }
            // An empty Sequential is the identity; return a new handle so the caller may dispose both.
            return ReferenceEquals(x, tensor) ? tensor.Unary(Ops.alias) : x;
        }

        // TorchSharp's Sequential names this parameter "on".
        public override void train(bool on = true) => base.train(on);

        public int Count => _modules.Count;

        [IndexerName("SequentialItems")] // TorchSharp's metadata name for it
        public nn.IModule<Tensor, Tensor> this[int index] => _modules[index];
    }
}

namespace TorchSharp
{
    public static partial class torch
    {
        public static partial class nn
        {
            public static Sequential Sequential() => new(Array.Empty<(string, IModule<Tensor, Tensor>)>());

            public static Sequential Sequential(params (string name, Module<Tensor, Tensor> submodule)[] modules) =>
                new(modules.Select(m => (m.name, (IModule<Tensor, Tensor>)m.submodule)));

            public static Sequential Sequential(params Module<Tensor, Tensor>[] modules) =>
                new(modules.Select((m, i) => (i.ToString(), (IModule<Tensor, Tensor>)m)));

            public static Sequential Sequential(params Tuple<string, Module<Tensor, Tensor>>[] modules) =>
                new(modules.Select(m => (m.Item1, (IModule<Tensor, Tensor>)m.Item2)));

            public static Sequential Sequential(IEnumerable<(string name, Module<Tensor, Tensor> submodule)> modules) =>
                new(modules.Select(m => (m.name, (IModule<Tensor, Tensor>)m.submodule)));

            public static Sequential Sequential(IEnumerable<Tuple<string, Module<Tensor, Tensor>>> modules) =>
                new(modules.Select(m => (m.Item1, (IModule<Tensor, Tensor>)m.Item2)));

            public static Sequential Sequential(IEnumerable<Module<Tensor, Tensor>> modules) =>
                new(modules.Select((m, i) => (i.ToString(), (IModule<Tensor, Tensor>)m)));
        }
    }
}

file static class Ops
{
    public static readonly Op alias = new("aten::alias");
}
