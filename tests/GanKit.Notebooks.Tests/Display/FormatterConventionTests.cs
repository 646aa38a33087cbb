using GanKit.Display.Charts;
using GanKit.Display.Formatting;
using GanKit.Display.Images;
using GanKit.Display.Progress;
using GanKit.Display.Tables;
using GanKit.Notebooks.Formatting;

namespace GanKit.Notebooks.Tests.Display;

/// <summary>The runner's name-matched formatter lookup, applied to every displayable GanKit.Display type.</summary>
public sealed class FormatterConventionTests
{
    public static TheoryData<IMimeRenderable> Displayables() =>
    [
        new Chart("c").Line([1, 2]),
        Figure.Row(new Chart("a"), new Chart("b")),
        new Animation("a").Add("1", new Chart().Line([1, 2])),
        Figure.Row(new Chart("p").Line([1, 2])).ToPlotly(),
        ImageGrid.FromPixels(new float[4], 1, 1, 2, 2),
        new Table("a").AddRow(1),
        new TrainingProgress { TotalSteps = 3, Step = 1 },
        new HtmlContent("<i>x</i>"),
    ];

    [Theory]
    [MemberData(nameof(Displayables))]
    public void Each_type_formats_to_its_preferred_mime_types_through_the_convention(IMimeRenderable value)
    {
        var bundle = ConventionFormatter.Format(value, []);

        Assert.Equal(value.MimeTypes, bundle.Entries.Select(e => e.Key));
        Assert.All(value.MimeTypes, mimeType => Assert.Equal(value.RenderToString(mimeType), bundle[mimeType]));
    }

    [Fact]
    public void Asking_for_one_mime_type_gives_it_plus_text()
    {
        var bundle = ConventionFormatter.Format(new Chart("c"), ["image/svg+xml"]);

        Assert.Equal(["image/svg+xml", "text/plain"], bundle.Entries.Select(e => e.Key));
    }

    [Fact]
    public void Types_without_the_attribute_fall_back_to_tostring()
    {
        var bundle = ConventionFormatter.Format(new Version(1, 2), []);

        Assert.Equal("1.2", Assert.Single(bundle.Entries).Value);
    }
}
