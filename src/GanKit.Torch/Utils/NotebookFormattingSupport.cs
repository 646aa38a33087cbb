namespace TorchSharp.Utils;

/// <summary>
/// Names the type whose <c>CreateTypeFormatters()</c> renders a type in notebooks. .NET Interactive's
/// formatter (in Polyglot, Jupyter and gankit-nb) matches this attribute by name, so the binding
/// references no notebook package, as TorchSharp's own.
/// </summary>
[AttributeUsage(AttributeTargets.Class)]
public class TypeFormatterSourceAttribute(Type formatterSourceType) : Attribute
{
    public Type FormatterSourceType { get; } = formatterSourceType;
}

/// <summary>Tensors render as their values (Julia style, TorchSharp's default) in text and HTML.</summary>
internal class TypeFormatterSource
{
    public IEnumerable<object> CreateTypeFormatters()
    {
        yield return new TensorMimeFormatter("text/plain", text => text);
        yield return new TensorMimeFormatter("text/html", text => "<div><pre>" + System.Net.WebUtility.HtmlEncode(text) + "</pre></div>");
    }
}

/// <summary>One MIME type's rendering of a tensor for a notebook; the layout of the values is <see cref="TensorFormatter"/>'s.</summary>
internal sealed class TensorMimeFormatter(string mimeType, Func<string, string> wrap)
{
    public string MimeType { get; } = mimeType;

    public bool Format(object instance, TextWriter writer)
    {
        if (instance is not torch.Tensor tensor) return false;
        writer.Write(wrap(tensor.ToString(TorchSharp.TensorStringStyle.Default)));
        return true;
    }
}
