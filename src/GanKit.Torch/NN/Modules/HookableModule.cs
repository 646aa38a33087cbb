namespace TorchSharp;

public static partial class torch
{
    public static partial class nn
    {
        /// <summary>A module with forward hooks: typed ones that may replace inputs or results, and plain notifications.</summary>
        public class HookableModule<TPreHook, TPostHook> : Module
        {
            protected HookableModule(string name) : base(name) { }

            protected Dictionary<string, TPreHook> pre_hooks = [];
            protected Dictionary<string, TPostHook> post_hooks = [];
            protected Dictionary<string, Action<Module>> module_pre_hooks = [];
            protected Dictionary<string, Action<Module>> module_post_hooks = [];

            public HookRemover register_forward_hook(TPostHook hook) => Add(post_hooks, hook);

            public HookRemover register_forward_pre_hook(TPreHook hook) => Add(pre_hooks, hook);

            public HookRemover register_forward_hook(Action<Module> hook) => Add(module_post_hooks, hook);

            public HookRemover register_forward_pre_hook(Action<Module> hook) => Add(module_pre_hooks, hook);

            private HookRemover Add<THook>(Dictionary<string, THook> hooks, THook hook)
            {
                var key = Guid.NewGuid().ToString();
                hooks.Add(key, hook);
                return new HookRemover(this, key);
            }

            private void remove(string key)
            {
                pre_hooks.Remove(key);
                post_hooks.Remove(key);
                module_pre_hooks.Remove(key);
                module_post_hooks.Remove(key);
            }

            public class HookRemover
            {
                private readonly HookableModule<TPreHook, TPostHook> module;
                private readonly string key;

                public HookRemover(HookableModule<TPreHook, TPostHook> module, string key)
                {
                    this.module = module;
                    this.key = key;
                }

                public void remove() => module.remove(key);
            }
        }

        public interface IModule<T, TResult>
        {
            public TResult call(T input1);
        }

        public interface IModule<T1, T2, TResult>
        {
            public abstract TResult call(T1 input1, T2 input2);
        }

        /// <summary>A module with one input. <see cref="call"/> runs the hooks around <see cref="forward"/>.</summary>
        public abstract class Module<T, TResult> : HookableModule<Func<Module<T, TResult>, T, T>, Func<Module<T, TResult>, T, TResult, TResult>>, IModule<T, TResult>
        {
            protected Module(string name) : base(name) { }

            public abstract TResult forward(T input);

            public TResult call(T input)
            {
                foreach (var hook in module_pre_hooks.Values) hook(this);
                foreach (var hook in pre_hooks.Values) {
                    var modified = hook(this, input);
                    if (modified is not null) input = modified;
                }
                var result = forward(input);
                foreach (var hook in post_hooks.Values) {
                    var modified = hook(this, input, result);
                    if (modified is not null) result = modified;
                }
                foreach (var hook in module_post_hooks.Values) hook(this);
                return result;
            }
        }

        /// <summary>A module with two inputs (losses are these).</summary>
        public abstract class Module<T1, T2, TResult> : HookableModule<Func<Module<T1, T2, TResult>, T1, T2, (T1, T2)?>, Func<Module<T1, T2, TResult>, T1, T2, TResult, TResult>>, IModule<T1, T2, TResult>
        {
            protected Module(string name) : base(name) { }

            public abstract TResult forward(T1 input1, T2 input2);

            public TResult call(T1 input1, T2 input2)
            {
                foreach (var hook in module_pre_hooks.Values) hook(this);
                foreach (var hook in pre_hooks.Values) {
                    if (hook(this, input1, input2) is (T1, T2) modified) (input1, input2) = modified;
                }
                var result = forward(input1, input2);
                foreach (var hook in post_hooks.Values) {
                    var modified = hook(this, input1, input2, result);
                    if (modified is not null) result = modified;
                }
                foreach (var hook in module_post_hooks.Values) hook(this);
                return result;
            }
        }
    }
}
