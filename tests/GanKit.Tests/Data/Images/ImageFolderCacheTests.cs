using GanKit.Data.Images;

namespace GanKit.Tests.Data.Images;

/// <summary>The decoded folder is cached in one file, used while the folder is unchanged and rebuilt otherwise.</summary>
public sealed class ImageFolderCacheTests : IDisposable
{
    private readonly string _temp = Directory.CreateTempSubdirectory("gankit-image-cache-").FullName;
    private readonly string _folder;

    public ImageFolderCacheTests() => _folder = ImageGoldens.CopyFixtures(_temp);

    public void Dispose() => Directory.Delete(_temp, recursive: true);

    private string Cache => Path.Combine(_temp, "cache");

    private ImageFolderDataset Load(ImageTransform? transform = null) => ImageFolder.Load(_folder, transform, Cache);

    private static float[] Values(ImageFolderDataset data) => data.Images.data<float>().ToArray();

    [Fact]
    public void TheSecondLoadComesFromTheCacheWithIdenticalTensors()
    {
        using var first = Load();
        using var second = Load();
        Assert.False(first.FromCache);
        Assert.True(second.FromCache);
        Assert.Equal(first.CachePath, second.CachePath);
        Assert.Equal(Path.Combine(Cache, "image-folders"), Path.GetDirectoryName(second.CachePath));
        Assert.Matches(@"^pictures-[0-9a-f]{12}\.bin$", Path.GetFileName(second.CachePath));
        Assert.Equal(Values(first), Values(second));
        Assert.Equal(first.Labels.data<long>().ToArray(), second.Labels.data<long>().ToArray());
        Assert.Equal(first.Files, second.Files);
        Assert.Equal(first.ClassNames, second.ClassNames);
        Assert.Equal(first.Skipped, second.Skipped);
        Assert.Contains("read from the cache", second.ToString());
        using (var trailingSlash = ImageFolder.Load(_folder + "/", cacheFolder: Cache))
        {
            Assert.True(trailingSlash.FromCache);
            Assert.Equal("pictures", trailingSlash.Name);
        }
        // uint8 pixels: 10 images of 3×64×64 bytes plus a header, far less than their 4-byte floats.
        Assert.InRange(new FileInfo(second.CachePath).Length, 10 * 3 * 64 * 64, 10 * 3 * 64 * 64 + 4096);
        Assert.Empty(Directory.EnumerateFiles(Path.GetDirectoryName(second.CachePath)!, ".*"));
    }

    [Fact]
    public void TouchingAFileRebuilds()
    {
        using (Load()) { }
        var file = Path.Combine(_folder, "lossless", "rgb_97x75.png");
        File.SetLastWriteTimeUtc(file, File.GetLastWriteTimeUtc(file).AddSeconds(-5));
        using (var rebuilt = Load()) Assert.False(rebuilt.FromCache);
        using (var again = Load()) Assert.True(again.FromCache);
    }

    [Fact]
    public void RewritingAFileWithItsOldTimeRebuilds()
    {
        using var first = Load();
        var file = Path.Combine(_folder, "lossless", "rgb_97x75.png");
        var time = File.GetLastWriteTimeUtc(file);
        File.Copy(Path.Combine(_folder, "lossless", "grey_97x75.png"), file, overwrite: true);
        File.SetLastWriteTimeUtc(file, time);
        using var rebuilt = Load();
        Assert.False(rebuilt.FromCache);
        Assert.NotEqual(Values(first), Values(rebuilt));
    }

    [Fact]
    public void AddingOrRemovingFilesRebuilds()
    {
        using (var first = Load()) Assert.Equal(10, first.Count);
        File.Copy(Path.Combine(_folder, "lossless", "rgb_64x64.bmp"), Path.Combine(_folder, "lossy", "copy.bmp"));
        using (var added = Load())
        {
            Assert.False(added.FromCache);
            Assert.Equal(11, added.Count);
            Assert.Contains("lossy/copy.bmp", added.Files);
        }
        File.Delete(Path.Combine(_folder, "lossless", "gif_150x90.gif"));
        File.Delete(Path.Combine(_folder, "lossy", "broken", "notes.txt"));
        using (var removed = Load())
        {
            Assert.False(removed.FromCache);
            Assert.Equal(10, removed.Count);
            Assert.DoesNotContain("lossless/gif_150x90.gif", removed.Files);
            Assert.Equal(3, removed.Skipped.Count);
        }
        using (var again = Load()) Assert.True(again.FromCache);
    }

    [Fact]
    public void AnotherTransformHasItsOwnCacheFile()
    {
        using var large = Load();
        using var small = Load(new ImageTransform(resizeSize: 40, cropSize: 32));
        Assert.False(small.FromCache);
        Assert.NotEqual(large.CachePath, small.CachePath);
        Assert.Equal(new long[] { 10, 3, 32, 32 }, small.Images.shape);
        using var largeAgain = Load();
        Assert.True(largeAgain.FromCache);
    }

    [Fact]
    public void ABackgroundHasItsOwnCacheFileAndChangesOnlyTransparentImages()
    {
        using var dropped = Load();
        using var onWhite = Load(new ImageTransform { Background = RgbColor.White });
        Assert.False(onWhite.FromCache);
        Assert.NotEqual(dropped.CachePath, onWhite.CachePath);
        for (var i = 0; i < dropped.Count; i++)
        {
            using var a = dropped.Images[i];
            using var b = onWhite.Images[i];
            Assert.Equal(dropped.Files[i] != "lossless/rgba_150x90.png", a.eq(b).all().item<bool>());
        }
        using var onWhiteAgain = Load(new ImageTransform { Background = RgbColor.White });
        Assert.True(onWhiteAgain.FromCache);
    }

    public static TheoryData<string> Damages => new() { "flipped pixel", "truncated", "garbage", "empty", "other magic" };

    [Theory]
    [MemberData(nameof(Damages))]
    public void ADamagedCacheFileIsRebuiltNotTrusted(string damage)
    {
        using var first = Load();
        var bytes = File.ReadAllBytes(first.CachePath);
        switch (damage)
        {
            case "flipped pixel": bytes[bytes.Length - 100] ^= 0x01; break;
            case "truncated": bytes = bytes[..(bytes.Length / 2)]; break;
            case "garbage": bytes = Enumerable.Range(0, 5000).Select(i => (byte)(i * 37)).ToArray(); break;
            case "empty": bytes = []; break;
            case "other magic": bytes[1] ^= 0x20; break;
        }
        File.WriteAllBytes(first.CachePath, bytes);
        using var rebuilt = Load();
        Assert.False(rebuilt.FromCache);
        Assert.Equal(Values(first), Values(rebuilt));
        using var again = Load();
        Assert.True(again.FromCache);
    }
}
