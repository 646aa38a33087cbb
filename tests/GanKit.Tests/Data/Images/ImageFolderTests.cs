using GanKit.Data;
using GanKit.Data.Images;

namespace GanKit.Tests.Data.Images;

public sealed class ImageFolderTests : IDisposable
{
    private readonly string _temp = Directory.CreateTempSubdirectory("gankit-image-folder-").FullName;

    public void Dispose() => Directory.Delete(_temp, recursive: true);

    private string Cache => Path.Combine(_temp, "cache");

    private string Folder(string name) => Directory.CreateDirectory(Path.Combine(_temp, name)).FullName;

    private static void CopyFixture(string fixture, string target)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(target)!);
        File.Copy(Path.Combine(ImageGoldens.Fixtures, fixture), target);
    }

    private sealed class RecordingProgress : IProgress<ImageFolderProgress>
    {
        public List<ImageFolderProgress> Reports { get; } = [];

        public void Report(ImageFolderProgress value) => Reports.Add(value);
    }

    [Fact]
    public void MoreImagesThanOneFillChunkKeepEachInItsPlaceAndComeBackFromTheCacheTheSame()
    {
        // 1,100 tiny PNGs, each a flat colour from its index: the float tensor is filled 1,024 images at a time.
        var folder = Folder("many");
        const int count = 1100;
        byte Level(int image, int channel) => (byte)((image * 7 + channel * 50) % 256);
        for (var i = 0; i < count; i++)
        {
            var pixels = Enumerable.Range(0, 3 * 16).Select(k => Level(i, k / 16) / 255f).ToArray();
            var png = GanKit.Display.Images.ImageGrid.FromPixels(pixels, 1, 3, 4, 4, new GanKit.Display.Images.GridOptions { Padding = 0, Scale = 1 }).ToPng();
            File.WriteAllBytes(Path.Combine(folder, $"{i:D4}.png"), png);
        }
        var transform = new ImageTransform(resizeSize: 4, cropSize: 4);
        foreach (var fromCache in new[] { false, true })
        {
            using var data = ImageFolder.Load(folder, transform, Cache);
            Assert.Equal(fromCache, data.FromCache);
            Assert.Equal(new long[] { count, 3, 4, 4 }, data.Images.shape);
            foreach (var i in new[] { 0, 1023, 1024, 1099 })
            {
                Assert.Equal($"{i:D4}.png", data.Files[i]);
                for (var channel = 0; channel < 3; channel++)
                {
                    using var value = data.Images[i, channel, 3, 3];
                    Assert.Equal((Level(i, channel) / 255f - 0.5f) / 0.5f, value.item<float>());
                }
            }
        }
    }

    [Fact]
    public void ClassFoldersGiveTorchvisionsClassesOrderAndLabels()
    {
        var golden = ImageGoldens.Instance;
        var progress = new RecordingProgress();
        using var data = ImageFolder.Load(ImageGoldens.CopyFixtures(_temp), cacheFolder: Cache, progress: progress);
        Assert.Equal(golden.Classes, data.ClassNames);
        Assert.Equal(golden.Images.Select(i => i.File), data.Files);
        Assert.Equal(golden.Images.Select(i => (long)i.Label), data.Labels.data<long>().ToArray());
        Assert.Equal(new long[] { golden.Images.Count, 3, 64, 64 }, data.Images.shape);
        Assert.Equal(ScalarType.Float32, data.Images.dtype);
        Assert.Equal(ScalarType.Int64, data.Labels.dtype);
        Assert.Equal(new long[] { 7, 3 }, data.CountPerClass());
        Assert.False(data.FromCache);
        // 13 files have an image extension (10 images, 3 broken ones): reported one by one, in order.
        Assert.Equal(Enumerable.Range(0, 14).Select(done => new ImageFolderProgress(done, 13)), progress.Reports);
    }

    [Fact]
    public void BadFilesAreSkippedWithTheirReasons()
    {
        using var data = ImageFolder.Load(ImageGoldens.CopyFixtures(_temp), cacheFolder: Cache);
        Assert.Equal(ImageGoldens.Instance.Skipped, data.Skipped.Select(s => s.File).Order(StringComparer.Ordinal));
        var reasons = data.Skipped.ToDictionary(s => s.File, s => s.Reason);
        Assert.StartsWith("not an image file name (the extensions read are .jpg, .jpeg, .png, .webp, .bmp, .gif)", reasons["lossy/broken/notes.txt"]);
        Assert.StartsWith("not an image (", reasons["lossy/broken/text.png"]);
        Assert.StartsWith("truncated: the Jpeg data", reasons["lossy/broken/truncated.jpg"]);
        Assert.StartsWith("truncated: the Png data", reasons["lossy/broken/truncated.png"]);
        var table = data.SkippedTable();
        Assert.Equal(["file", "reason"], table.Columns);
        Assert.Equal(4, table.Rows.Count);
        Assert.Contains("lossy/broken/text.png", table.ToHtml());
    }

    [Fact]
    public void AFolderWithoutSubFoldersIsOneClassNamedAfterIt()
    {
        var flat = Folder("emoji");
        CopyFixture("lossless/rgb_97x75.png", Path.Combine(flat, "b.png"));
        CopyFixture("lossy/rgb_150x90.jpg", Path.Combine(flat, "A.JPG"));
        CopyFixture("lossless/gif_150x90.gif", Path.Combine(flat, "a.gif"));
        using var data = ImageFolder.Load(flat, cacheFolder: Cache);
        Assert.Equal(["emoji"], data.ClassNames);
        Assert.Equal(["A.JPG", "a.gif", "b.png"], data.Files); // ordinal order, as Python sorts
        Assert.Equal(new long[] { 0, 0, 0 }, data.Labels.data<long>().ToArray());
        Assert.Empty(data.Skipped);
        Assert.Equal("emoji", data.Name);
        Assert.StartsWith("emoji: 3 images of 3×64×64, 1 class, 0 file(s) skipped; decoded and cached (", data.ToString());
    }

    [Fact]
    public void ClassFoldersAreWalkedInPythonsSortedOrder()
    {
        var root = Folder("walk");
        // sorted(os.walk(...)) compares whole paths: "c/a" < "c/a-b" < "c/a/b" ('-' sorts before '/').
        foreach (var file in new[] { "c/x.png", "c/B.png", "c/a/y.png", "c/a/b/w.png", "c/a-b/z.png", "d/only.bmp" })
            CopyFixture("lossless/rgb_64x64.bmp", Path.Combine(root, file));
        CopyFixture("lossless/rgb_64x64.bmp", Path.Combine(root, "top.bmp"));
        using var data = ImageFolder.Load(root, cacheFolder: Cache);
        Assert.Equal(["c", "d"], data.ClassNames);
        Assert.Equal(["c/B.png", "c/x.png", "c/a/y.png", "c/a-b/z.png", "c/a/b/w.png", "d/only.bmp"], data.Files);
        Assert.Equal(new long[] { 0, 0, 0, 0, 0, 1 }, data.Labels.data<long>().ToArray());
        var beside = Assert.Single(data.Skipped);
        Assert.Equal("top.bmp", beside.File);
        Assert.StartsWith("beside the class folders", beside.Reason);
    }

    [Fact]
    public void HiddenFilesAndFoldersAreIgnored()
    {
        var root = Folder("hidden");
        CopyFixture("lossless/rgb_64x64.bmp", Path.Combine(root, "seen.bmp"));
        CopyFixture("lossless/rgb_64x64.bmp", Path.Combine(root, ".unseen.bmp"));
        File.WriteAllText(Path.Combine(root, ".DS_Store"), "not an image");
        CopyFixture("lossless/rgb_64x64.bmp", Path.Combine(root, ".thumbnails", "thumb.bmp"));
        using var data = ImageFolder.Load(root, cacheFolder: Cache);
        Assert.Equal(["hidden"], data.ClassNames); // the hidden folder is no class either
        Assert.Equal(["seen.bmp"], data.Files);
        Assert.Empty(data.Skipped);
    }

    [Fact]
    public void AMissingFolderIsOneClearError()
    {
        var missing = Path.Combine(_temp, "nowhere");
        var error = Assert.Throws<DatasetNotFoundException>(() => ImageFolder.Load(missing, cacheFolder: Cache));
        Assert.Equal($"image folder {missing} does not exist", error.Message);
        var file = Path.Combine(_temp, "file.png");
        File.WriteAllText(file, "");
        Assert.Equal($"image folder {file} is a file, not a folder",
            Assert.Throws<DatasetNotFoundException>(() => ImageFolder.Load(file, cacheFolder: Cache)).Message);
    }

    [Fact]
    public void AFolderWithoutImagesSaysWhatItHolds()
    {
        var empty = Folder("empty");
        var error = Assert.Throws<DatasetNotFoundException>(() => ImageFolder.Load(empty, cacheFolder: Cache));
        Assert.StartsWith($"no image in {empty}: it holds no files. An image folder holds .jpg, .jpeg, .png, .webp, .bmp, .gif files", error.Message);

        Directory.CreateDirectory(Path.Combine(empty, "cats"));
        error = Assert.Throws<DatasetNotFoundException>(() => ImageFolder.Load(empty, cacheFolder: Cache));
        Assert.StartsWith($"no image in {empty}: it holds no files (in class folders cats).", error.Message);

        var bad = Folder("bad");
        foreach (var file in new[] { "notes.txt", "text.png", "truncated.png" }) CopyFixture("lossy/broken/" + file, Path.Combine(bad, file));
        error = Assert.Throws<DatasetNotFoundException>(() => ImageFolder.Load(bad, cacheFolder: Cache));
        Assert.StartsWith($"no image in {bad}: it holds 3 file(s), none a readable image: notes.txt: not an image file name", error.Message);
        Assert.Contains("; text.png: not an image (", error.Message);
        Assert.Contains("; truncated.png: truncated: the Png data", error.Message);
        Assert.False(Directory.Exists(Path.Combine(Cache, "image-folders")) && Directory.EnumerateFiles(Path.Combine(Cache, "image-folders")).Any(),
            "a folder without images must leave no cache file");
    }

    [Fact]
    public void TheDatasetFeedsATensorLoader()
    {
        using var data = ImageFolder.Load(ImageGoldens.CopyFixtures(_temp), cacheFolder: Cache);
        var loader = new TensorLoader(data.Dataset, batchSize: 4, shuffle: false);
        var shapes = loader.Select(batch => (batch[0].shape[0], batch[1].shape[0])).ToList();
        Assert.Equal([(4L, 4L), (4L, 4L), (2L, 2L)], shapes);
        using var min = data.Images.min();
        using var max = data.Images.max();
        Assert.True(min.item<float>() >= -1f && max.item<float>() <= 1f);
    }
}
