namespace GanKit.Display.Formatting;

/// <summary>
/// Points a type at its formatter source. .NET Interactive matches this attribute by its name and reads its
/// public properties by reflection (docs/formatting.md), so the library needs no reference to it; the
/// headless runner honours the same convention.
/// </summary>
[AttributeUsage(AttributeTargets.Class | AttributeTargets.Struct, Inherited = true)]
internal sealed class TypeFormatterSourceAttribute(Type formatterSourceType) : Attribute
{
    public Type FormatterSourceType { get; } = formatterSourceType;

    /// <summary>The MIME types a display of the type produces by default, richest first.</summary>
    public string[]? PreferredMimeTypes { get; set; }
}
