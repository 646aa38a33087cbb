using System.Reflection;

namespace GanKit.Torch.Tests.Utils;

/// <summary>
/// Tensors render in notebooks through the attribute .NET Interactive and gankit-nb find by name:
/// exercised here the way they use it, by reflection only.
/// </summary>
public class NotebookFormattingTests
{
    private static Dictionary<string, string> Render(object value)
    {
        var attribute = value.GetType().GetCustomAttributes(inherit: true).Single(a => a.GetType().Name == "TypeFormatterSourceAttribute");
        var sourceType = (Type)attribute.GetType().GetProperty("FormatterSourceType")!.GetValue(attribute)!;
        var source = Activator.CreateInstance(sourceType, nonPublic: true)!;
        var formatters = (IEnumerable<object>)sourceType.GetMethod("CreateTypeFormatters")!.Invoke(source, null)!;
        var rendered = new Dictionary<string, string>();
        foreach (var formatter in formatters) {
            var mime = (string)formatter.GetType().GetProperty("MimeType")!.GetValue(formatter)!;
            using var writer = new StringWriter();
            var done = (bool)formatter.GetType().GetMethod("Format", BindingFlags.Public | BindingFlags.Instance)!.Invoke(formatter, [value, writer])!;
            if (done) rendered[mime] = writer.ToString();
        }
        return rendered;
    }

    [Fact]
    public void TensorsRenderTheirValuesAsTextAndHtml()
    {
        using var t = tensor(new float[] { 1.5f, -2f, 3.25f });
        var rendered = Render(t);
        var text = t.ToString(TorchSharp.TensorStringStyle.Default);
        Assert.Contains("1.5", text);
        Assert.Equal(text, rendered["text/plain"]);
        Assert.Equal("<div><pre>" + System.Net.WebUtility.HtmlEncode(text) + "</pre></div>", rendered["text/html"]);
    }
}
