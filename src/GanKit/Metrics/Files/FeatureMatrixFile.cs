using TorchSharp;
using static TorchSharp.torch;

namespace GanKit.Metrics.Files;

/// <summary>
/// Feature matrices on disk, one row per sample and one column per feature, as float64 [N, D] tensors on the CPU. The
/// extension says the format: <c>.npy</c> (what NumPy's <c>np.save</c> writes) or <c>.csv</c> (comma-separated numbers,
/// an optional header row). Every refusal is a <see cref="FeatureFileException"/> naming the file and what is wrong.
/// </summary>
/// <remarks>
/// The .npy reader is ours (a magic string, a Python dict literal for a header, raw data: about a hundred lines). The one
/// NuGet package that reads the format, NumSharp, is a large and barely maintained clone of all of NumPy.
/// </remarks>
public static class FeatureMatrixFile
{
    /// <summary>The extensions <see cref="Load"/> and <see cref="Save"/> understand.</summary>
    public static IReadOnlyList<string> Extensions { get; } = [".npy", ".csv"];

    /// <summary>Whether <paramref name="path"/> has an extension of a feature matrix file (it need not exist).</summary>
    public static bool HasMatrixExtension(string path) => Extensions.Contains(Path.GetExtension(path).ToLowerInvariant());

    /// <summary>
    /// Reads a feature matrix: float64 [N, D], N ≥ 1 and D ≥ 1, every value finite. A .npy file holds a 2-D array of
    /// float32, float64, int32, int64 (little- or big-endian) or uint8, in C or Fortran order, NumPy format 1.0, 2.0 or
    /// 3.0; int64 values beyond 2^53 lose precision as float64. A .csv file holds rows of the same number of
    /// comma-separated numbers (invariant culture: a dot for decimals), optionally under one header row of
    /// non-numbers; blank lines are skipped.
    /// </summary>
    public static Tensor Load(string path)
    {
        var fullPath = Path.GetFullPath(path);
        var isNpy = IsNpy(fullPath);
        if (Directory.Exists(fullPath)) throw new FeatureFileException(fullPath, "is a folder, not a feature matrix file");
        if (!File.Exists(fullPath)) throw new FeatureFileException(fullPath, "no such file");
        var matrix = isNpy ? NpyFormat.Read(fullPath) : CsvFormat.Read(fullPath);
        return tensor(matrix.Values, [matrix.Rows, matrix.Columns], ScalarType.Float64);
    }

    /// <summary>
    /// Writes a 2-D tensor (any real dtype, any device) atomically as float64: NumPy format 1.0 '&lt;f8' in C order for
    /// .npy, or one line per row of shortest round-trip decimals for .csv, so that <see cref="Load"/> reads back exactly
    /// the same values.
    /// </summary>
    public static void Save(string path, Tensor matrix)
    {
        ArgumentNullException.ThrowIfNull(matrix);
        var fullPath = Path.GetFullPath(path);
        var isNpy = IsNpy(fullPath);
        if (matrix.ndim != 2)
            throw new ArgumentException($"a feature matrix is 2-D [N, D]; this tensor has shape [{string.Join(", ", matrix.shape)}]", nameof(matrix));
        if (matrix.shape[0] == 0 || matrix.shape[1] == 0)
            throw new ArgumentException($"a feature matrix has at least one row and one column; this tensor has shape [{string.Join(", ", matrix.shape)}]", nameof(matrix));
        FeatureMatrix values;
        using (NewDisposeScope())
        {
            using var asDouble = matrix.detach().cpu().to_type(ScalarType.Float64).contiguous();
            values = new FeatureMatrix(asDouble.data<double>().ToArray(), matrix.shape[0], matrix.shape[1]);
        }
        if (values.NonFiniteElement() is { } nonFinite)
            throw new ArgumentException($"{nonFinite}; feature matrices hold finite numbers only", nameof(matrix));
        GanKit.IO.AtomicFile.Write(fullPath, stream =>
        {
            if (isNpy) NpyFormat.Write(stream, values);
            else CsvFormat.Write(stream, values);
        });
    }

    private static bool IsNpy(string fullPath) => Path.GetExtension(fullPath).ToLowerInvariant() switch
    {
        ".npy" => true,
        ".csv" => false,
        var other => throw new FeatureFileException(fullPath,
            $"has {(other.Length == 0 ? "no extension" : $"the extension '{other}'")}; a feature matrix file is .npy (NumPy's np.save) or .csv"),
    };
}

/// <summary>A matrix as the formats read and write it: row-major values.</summary>
internal sealed record FeatureMatrix(double[] Values, long Rows, long Columns)
{
    /// <summary>"element [r, c] is NaN" (or +Inf, -Inf) for the first value that is not finite; null when all are.</summary>
    public string? NonFiniteElement()
    {
        var at = Array.FindIndex(Values, v => !double.IsFinite(v));
        if (at < 0) return null;
        var value = Values[at];
        return $"element [{at / Columns}, {at % Columns}] is {(double.IsNaN(value) ? "NaN" : value > 0 ? "+Inf" : "-Inf")}";
    }
}
