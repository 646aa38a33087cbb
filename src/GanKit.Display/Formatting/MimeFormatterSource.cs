using System.Reflection;
using Microsoft.DotNet.Interactive.Formatting;

namespace GanKit.Display.Formatting;

/// <summary>
/// The formatter source every displayable type points at: one .NET Interactive formatter per MIME type listed
/// in the type's <see cref="TypeFormatterSourceAttribute.PreferredMimeTypes"/>, which is the single place a
/// type's MIME types are declared. The kernel's <see cref="Formatter"/> instantiates it on first use of the type.
/// </summary>
internal sealed class MimeFormatterSource<T> : ITypeFormatterSource where T : IMimeRenderable
{
    public static IReadOnlyList<string> PreferredMimeTypes { get; } =
        typeof(T).GetCustomAttribute<TypeFormatterSourceAttribute>()?.PreferredMimeTypes ?? [Mime.PlainText];

    public IEnumerable<ITypeFormatter> CreateTypeFormatters() => PreferredMimeTypes.Select(mimeType => new MimeFormatter(typeof(T), mimeType));
}

/// <summary>Renders an <see cref="IMimeRenderable"/> to one MIME type for the kernel's formatter.</summary>
internal sealed class MimeFormatter(Type type, string mimeType) : ITypeFormatter
{
    public Type Type { get; } = type;

    public string MimeType { get; } = mimeType;

    public bool Format(object instance, FormatContext context)
    {
        if (instance is not IMimeRenderable renderable || !renderable.MimeTypes.Contains(MimeType))
        {
            return false;
        }

        renderable.Render(MimeType, context.Writer);
        return true;
    }
}
