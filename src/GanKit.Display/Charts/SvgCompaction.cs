using System.Globalization;
using System.Text.RegularExpressions;
using System.Xml.Linq;

namespace GanKit.Display.Charts;

/// <summary>
/// Makes plotly.js's SVG export about half as large without changing what it draws, so notebooks that keep a static
/// image beside every chart stay small (there is no maintained SVG optimiser for .NET; svgo is JavaScript). plotly.js
/// writes every style inline and repeats it on each tick label and marker, tags elements with CSS classes only its
/// live page uses, defines clip paths it never uses, leaves empty groups and writes coordinates to 15 decimals. So: the
/// classes go, unused clip paths and empty groups go,
/// numbers keep two decimals (a hundredth of a pixel), and each style used more than once becomes a class defined
/// once in a style element, under a prefix unique to this image so that SVGs inlined in one HTML page do not clash.
/// </summary>
internal static partial class SvgCompaction
{
    private static int _images;

    public static string Compact(string svg)
    {
        var document = XDocument.Parse(svg);
        var root = document.Root ?? throw new ArgumentException("The SVG has no root element.", nameof(svg));
        var ns = root.Name.Namespace;
        foreach (var element in root.DescendantsAndSelf())
        {
            element.Attribute("class")?.Remove();
            foreach (var attribute in element.Attributes().Where(a => a.Name.LocalName != "href").ToArray())
            {
                attribute.Value = LongDecimal().Replace(attribute.Value, m => m.Groups[1].Value);
            }
        }

        // plotly.js defines a clip path for every pair of axes, used or not.
        var referenced = root.DescendantsAndSelf().SelectMany(e => e.Attributes())
            .SelectMany(a => IdReference().Matches(a.Value).Select(m => m.Groups[1].Value))
            .ToHashSet(StringComparer.Ordinal);
        foreach (var clip in root.Descendants(ns + "clipPath").Where(c => !referenced.Contains(c.Attribute("id")?.Value ?? "")).ToArray())
        {
            clip.Remove();
        }

        // Innermost first, so a group left empty by removing its empty children goes too.
        foreach (var group in root.Descendants(ns + "g").Reverse().ToArray())
        {
            if (!group.HasElements && string.IsNullOrWhiteSpace(group.Value))
            {
                group.Remove();
            }
        }

        var styled = root.DescendantsAndSelf().Where(e => !string.IsNullOrEmpty(e.Attribute("style")?.Value)).ToArray();
        var repeated = styled.GroupBy(e => e.Attribute("style")!.Value).Where(g => g.Count() > 1).ToArray();
        if (repeated.Length > 0)
        {
            var prefix = string.Create(CultureInfo.InvariantCulture, $"gk{Interlocked.Increment(ref _images)}x{Random.Shared.Next(0x10000):x4}-");
            var css = new System.Text.StringBuilder();
            for (var i = 0; i < repeated.Length; i++)
            {
                var name = prefix + i.ToString(CultureInfo.InvariantCulture);
                css.Append('.').Append(name).Append('{').Append(repeated[i].Key).Append('}');
                foreach (var element in repeated[i])
                {
                    element.Attribute("style")!.Remove();
                    element.SetAttributeValue("class", name);
                }
            }

            root.AddFirst(new XElement(ns + "style", css.ToString()));
        }

        return root.ToString(SaveOptions.DisableFormatting);
    }

    [GeneratedRegex(@"url\(['""]?#([^)'""]+)['""]?\)")]
    private static partial Regex IdReference();

    [GeneratedRegex(@"(\d+\.\d{2})\d+")]
    private static partial Regex LongDecimal();
}
