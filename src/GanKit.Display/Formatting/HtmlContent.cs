using Microsoft.DotNet.Interactive.Formatting;

namespace GanKit.Display.Formatting;

/// <summary>A fragment of HTML to show as is, like the kernel's <c>HTML(string)</c> helper returns.</summary>
[TypeFormatterSource(typeof(MimeFormatterSource<HtmlContent>), PreferredMimeTypes = [Mime.Html, Mime.PlainText])]
public sealed class HtmlContent(string html) : IMimeRenderable
{
    public string Html { get; } = html;

    public IReadOnlyList<string> MimeTypes => MimeFormatterSource<HtmlContent>.PreferredMimeTypes;

    public void Render(string mimeType, TextWriter writer) => writer.Write(Html);

    public override string ToString() => Html;
}
