namespace TorchSharp.Utils;

/// <summary>Names a module field in state dicts when the field's own name differs (e.g. "weight" for <c>_weight</c>).</summary>
[AttributeUsage(AttributeTargets.Field)]
public class ComponentNameAttribute : Attribute
{
    public string Name { get; set; } = "";
}
