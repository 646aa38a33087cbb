using PuppeteerSharp;
using SixLabors.ImageSharp;
using SixLabors.ImageSharp.Formats.Png;
using SixLabors.ImageSharp.PixelFormats;
using SixLabors.ImageSharp.Processing.Processors.Quantization;

namespace GanKit.Display.Charts;

/// <summary>
/// Draws a Plotly figure as a PNG with plotly.js itself, in a local headless Chromium, so the static image is the
/// interactive chart as a frontend would draw it, then stores it as an 8-bit palette PNG (ImageSharp's Wu quantizer,
/// no dithering): a chart has few colours, and the file is about a quarter of Chromium's 32-bit one. PNG rather than
/// SVG because Debian 12's nbconvert blanks inline SVG in its HTML export (see environment.md, "Charts"). plotly.js is the copy Plotly.NET ships inside its assembly (the
/// version its JSON is written for); the page loads nothing else: every network request is refused. One browser and
/// one page serve the whole process (launching takes seconds, a figure then well under one), closed at exit.
/// </summary>
public static class ChartImages
{
    private static readonly SemaphoreSlim Gate = new(1, 1);
    private static IBrowser? _browser;
    private static IPage? _page;

    /// <summary>
    /// The Chromium executable: the GANKIT_CHROMIUM environment variable, else Debian's <c>/usr/bin/chromium</c>
    /// (installed by scripts/setup.sh), or Chrome or Edge where Windows and macOS install them; null when none exists,
    /// and charts then carry no static image (frontends still draw them from their Plotly JSON).
    /// </summary>
    public static string? ChromiumPath { get; set; } = FindChromium();

    /// <summary>True when a Chromium is there to draw static images.</summary>
    public static bool IsAvailable => ChromiumPath is { } path && File.Exists(path);

    /// <summary>Draws <paramref name="figureJson"/> (<c>{"data": […], "layout": {…}}</c>) as a PNG of the given size in pixels.</summary>
    public static byte[] RenderPng(string figureJson, int width, int height)
    {
        if (width <= 0 || height <= 0)
        {
            throw new ArgumentOutOfRangeException(nameof(width), $"A chart image needs a positive size, got {width}×{height}.");
        }

        // Notebook cells and formatters are synchronous; the browser work runs on the thread pool.
        var dataUrl = Task.Run(() => RenderAsync(figureJson, width, height)).GetAwaiter().GetResult();
        var png = Convert.FromBase64String(dataUrl[(dataUrl.IndexOf(',', StringComparison.Ordinal) + 1)..]);
        return ToPalette(png);
    }

    private static async Task<string> RenderAsync(string figureJson, int width, int height)
    {
        await Gate.WaitAsync().ConfigureAwait(false);
        try
        {
            var page = _page ?? await OpenPageAsync().ConfigureAwait(false);
            var dataUrl = await page.EvaluateFunctionAsync<string>(
                "(json, width, height) => { const f = JSON.parse(json); " +
                "return Plotly.toImage({ data: f.data, layout: f.layout }, { format: 'png', width: width, height: height }); }",
                figureJson, width, height).ConfigureAwait(false);
            return dataUrl;
        }
        finally
        {
            Gate.Release();
        }
    }

    private static async Task<IPage> OpenPageAsync()
    {
        var executable = IsAvailable
            ? ChromiumPath!
            : throw new InvalidOperationException(
                $"No Chromium to draw chart images at '{ChromiumPath ?? "(none found)"}': install Debian's chromium " +
                "(bash scripts/setup.sh) or set GANKIT_CHROMIUM to a Chromium executable.");
        _browser = await Puppeteer.LaunchAsync(new LaunchOptions
        {
            ExecutablePath = executable,
            Headless = true,
            Timeout = 60_000,
            // --no-sandbox: Chromium refuses to start as root with its sandbox, as on CI; the page runs only our figure.
            Args = ["--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-dev-shm-usage"],
        }).ConfigureAwait(false);
        AppDomain.CurrentDomain.ProcessExit += (_, _) => _browser?.CloseAsync().Wait(TimeSpan.FromSeconds(5));

        var page = await _browser.NewPageAsync().ConfigureAwait(false);
        page.DefaultTimeout = 60_000;
        await page.SetRequestInterceptionAsync(true).ConfigureAwait(false);
        page.Request += async (_, e) => await e.Request.AbortAsync().ConfigureAwait(false);
        await page.SetContentAsync("<!DOCTYPE html><html><head><meta charset=\"utf-8\"></head><body></body></html>").ConfigureAwait(false);
        await page.AddScriptTagAsync(new AddTagOptions { Content = PlotlyScript.Source }).ConfigureAwait(false);
        _page = page;
        return page;
    }

    private static readonly PngEncoder PaletteEncoder = new()
    {
        ColorType = PngColorType.Palette,
        BitDepth = PngBitDepth.Bit8,
        CompressionLevel = PngCompressionLevel.BestCompression,
        Quantizer = new WuQuantizer(new QuantizerOptions { MaxColors = 256, Dither = null }),
    };

    private static byte[] ToPalette(byte[] png)
    {
        using var image = Image.Load<Rgba32>(png);
        using var output = new MemoryStream();
        image.Save(output, PaletteEncoder);
        return output.ToArray();
    }

    private static string? FindChromium()
    {
        var configured = Environment.GetEnvironmentVariable("GANKIT_CHROMIUM");
        if (!string.IsNullOrEmpty(configured))
        {
            return configured;
        }

        var programFiles = new[] { Environment.SpecialFolder.ProgramFiles, Environment.SpecialFolder.ProgramFilesX86 }
            .Select(Environment.GetFolderPath).Where(folder => folder.Length > 0);
        return new[] { "/usr/bin/chromium", "/usr/bin/chromium-browser", "/usr/bin/google-chrome", "/Applications/Google Chrome.app/Contents/MacOS/Google Chrome" }
            .Concat(programFiles.SelectMany(folder => new[]
            {
                Path.Combine(folder, "Google", "Chrome", "Application", "chrome.exe"),
                Path.Combine(folder, "Microsoft", "Edge", "Application", "msedge.exe"),
            }))
            .FirstOrDefault(File.Exists);
    }
}
