using GanKit.Display.Charts;
using GanKit.Display.Formatting;
using GanKit.Display.Images;
using GanKit.Display.Progress;
using GanKit.Display.Tables;
using Microsoft.DotNet.Interactive.Formatting;

namespace GanKit.Notebooks.Tests.Display;

/// <summary>
/// The .NET Interactive formatter (the one every kernel uses) renders each displayable GanKit.Display type
/// through the type's formatter source, to the MIME types the type prefers.
/// </summary>
public sealed class FormatterConventionTests
{
    public static TheoryData<IMimeRenderable> Displayables() =>
    [
        Curve(),
        ImageGrid.FromPixels(new float[4], 1, 1, 2, 2),
        new Table("a").AddRow(1),
        new TrainingProgress { TotalSteps = 3, Step = 1 },
        new HtmlContent("<i>x</i>"),
    ];

    [Theory]
    [MemberData(nameof(Displayables))]
    public void Each_type_formats_to_its_preferred_mime_types_in_the_kernel_formatter(IMimeRenderable value)
    {
        var formatted = FormattedValue.CreateManyFromObject(value);

        Assert.Equal(value.MimeTypes, formatted.Select(f => f.MimeType));
        Assert.All(formatted, f => Assert.Equal(value.RenderToString(f.MimeType), f.Value));
    }

    [Fact]
    public void Asking_for_one_mime_type_gives_that_rendering()
    {
        var formatted = Assert.Single(FormattedValue.CreateManyFromObject(Curve(), Mime.PlotlyJson));

        Assert.Equal(Curve().Json, formatted.Value);
    }

    private static PlotlyChart Curve() => PlotlyCharts.Single(new ChartPanel("c", null, null, [PlotlyCharts.Line([0, 1], [1, 2])]));
}
