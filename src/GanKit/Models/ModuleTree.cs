using TorchSharp;
using static TorchSharp.torch;

namespace GanKit.Models;

/// <summary>Walking a module tree the way PyTorch's <c>modules()</c> does.</summary>
internal static class ModuleTree
{
    /// <summary>
    /// The module itself, then each child's subtree in registration order (depth first). TorchSharp's
    /// <c>modules()</c> leaves the module out and lists children before grandchildren; this order is
    /// PyTorch's, so loops that draw random numbers per layer match a PyTorch twin on nested models too.
    /// </summary>
    public static IEnumerable<(string Name, nn.Module Module)> PreOrder(nn.Module module, string name = "")
    {
        yield return (name, module);
        foreach (var (childName, child) in module.named_children())
        {
            foreach (var descendant in PreOrder(child, name.Length == 0 ? childName : $"{name}.{childName}")) yield return descendant;
        }
    }
}
