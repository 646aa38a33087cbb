using System.Reflection;

namespace GanKit.Display.Formatting;

/// <summary>
/// The formatter source every displayable type points at: one formatter per MIME type listed in the type's
/// <see cref="TypeFormatterSourceAttribute.PreferredMimeTypes"/>, which is the single place a type's MIME
/// types are declared. Kernels instantiate it with Activator.CreateInstance, hence the public constructor.
/// </summary>
internal sealed class MimeFormatterSource<T> where T : IMimeRenderable
{
    public static IReadOnlyList<string> PreferredMimeTypes { get; } =
        typeof(T).GetCustomAttribute<TypeFormatterSourceAttribute>()?.PreferredMimeTypes ?? [Mime.PlainText];

    public IEnumerable<object> CreateTypeFormatters() => PreferredMimeTypes.Select(mimeType => new MimeFormatter(typeof(T), mimeType));
}

/// <summary>
/// A formatter in the shape the convention expects: public <c>Type</c>, <c>MimeType</c> and
/// <c>bool Format(object, TextWriter)</c>.
/// </summary>
internal sealed class MimeFormatter(Type type, string mimeType)
{
    public Type Type { get; } = type;

    public string MimeType { get; } = mimeType;

    public bool Format(object instance, TextWriter writer)
    {
        if (instance is not IMimeRenderable renderable || !renderable.MimeTypes.Contains(MimeType))
        {
            return false;
        }

        renderable.Render(MimeType, writer);
        return true;
    }
}
