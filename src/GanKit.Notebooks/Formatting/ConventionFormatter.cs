using System.Collections;
using System.Collections.Concurrent;
using System.Globalization;
using System.Reflection;
using System.Runtime.ExceptionServices;
using Microsoft.DotNet.Interactive;

namespace GanKit.Notebooks.Formatting;

/// <summary>
/// Formats values the way the Polyglot kernel does for types that carry a TypeFormatterSourceAttribute:
/// matched by attribute name, its formatter source instantiated, and each formatter's public
/// <c>MimeType</c> and <c>bool Format(object, TextWriter)</c> called by reflection. Anything else becomes
/// text/plain through ToString.
/// </summary>
internal static class ConventionFormatter
{
    public const string PlainText = "text/plain";
    public const string Html = "text/html";
    private const string AttributeName = "TypeFormatterSourceAttribute";

    private static readonly ConcurrentDictionary<Type, FormatterSet> Cache = new();

    /// <summary>
    /// Renders <paramref name="value"/> to <paramref name="mimeTypes"/>, or, if none are asked for, to the
    /// type's preferred MIME types (all its formatters when it names none); text/plain is always included.
    /// </summary>
    public static MimeBundle Format(object? value, IReadOnlyList<string> mimeTypes)
    {
        if (value is null)
        {
            return new MimeBundle([new(PlainText, "<null>")]);
        }

        if (value is HtmlString html)
        {
            return new MimeBundle([new(Html, html.Value)]);
        }

        var formatters = Cache.GetOrAdd(value.GetType(), FormatterSet.For);
        var wanted = mimeTypes.Count > 0 ? mimeTypes : formatters.PreferredMimeTypes;
        var entries = new List<KeyValuePair<string, string>>();
        foreach (var mimeType in wanted.Distinct())
        {
            if (formatters.TryFormat(value, mimeType, out var text))
            {
                entries.Add(new(mimeType, text));
            }
        }

        if (!entries.Any(e => e.Key == PlainText))
        {
            entries.Add(new(PlainText, Convert.ToString(value, CultureInfo.InvariantCulture) ?? ""));
        }

        return new MimeBundle(entries);
    }

    private sealed class FormatterSet(IReadOnlyList<(string MimeType, Func<object, TextWriter, bool> Format)> formatters, IReadOnlyList<string> preferred)
    {
        public IReadOnlyList<string> PreferredMimeTypes { get; } = preferred;

        public static FormatterSet For(Type type)
        {
            var formatters = new List<(string, Func<object, TextWriter, bool>)>();
            string[]? preferred = null;
            foreach (var attribute in type.GetCustomAttributes(inherit: true).Where(a => a.GetType().Name == AttributeName))
            {
                if (Property(attribute, "FormatterSourceType") is not Type sourceType)
                {
                    continue;
                }

                preferred ??= Property(attribute, "PreferredMimeTypes") as string[];
                var source = Activator.CreateInstance(sourceType)!;
                var created = sourceType.GetMethod("CreateTypeFormatters")?.Invoke(source, null) as IEnumerable ?? Array.Empty<object>();
                foreach (var formatter in created.Cast<object>())
                {
                    var format = formatter.GetType().GetMethod("Format", [typeof(object), typeof(TextWriter)]);
                    if (Property(formatter, "MimeType") is string mimeType && format?.ReturnType == typeof(bool))
                    {
                        formatters.Add((mimeType, (value, writer) => (bool)format.Invoke(formatter, [value, writer])!));
                    }
                }
            }

            return new FormatterSet(formatters, preferred ?? [.. formatters.Select(f => f.Item1).Distinct()]);
        }

        public bool TryFormat(object value, string mimeType, out string text)
        {
            foreach (var (formatterMimeType, format) in formatters)
            {
                if (formatterMimeType != mimeType)
                {
                    continue;
                }

                using var writer = new StringWriter(CultureInfo.InvariantCulture);
                try
                {
                    if (format(value, writer))
                    {
                        text = writer.ToString();
                        return true;
                    }
                }
                catch (TargetInvocationException e) when (e.InnerException is not null)
                {
                    ExceptionDispatchInfo.Capture(e.InnerException).Throw();
                    throw;
                }
            }

            text = "";
            return false;
        }

        private static object? Property(object instance, string name) =>
            instance.GetType().GetProperty(name, BindingFlags.Public | BindingFlags.Instance)?.GetValue(instance);
    }
}
