namespace GanKit.Data;

/// <summary>
/// Where datasets are kept: the folder named by the <c>GANKIT_DATA</c> environment variable when it is set, else
/// <c>data/cache</c> under the GanKit repository root. The root is found by walking up from the working
/// directory (a notebook runs in <c>notebooks/</c>), then from GanKit.dll's folder (the notebooks reference the
/// built DLL; tests run from <c>bin/</c>), to the first folder holding <c>scripts/setup.sh</c> and <c>data/</c>.
/// <c>bash scripts/setup.sh</c> fills it.
/// </summary>
public static class DataCache
{
    public const string EnvironmentVariable = "GANKIT_DATA";

    /// <summary>The command that fills the cache, run from the repository root.</summary>
    public const string FillCommand = "bash scripts/setup.sh";

    /// <summary>
    /// The cache folder: <paramref name="cacheFolder"/> when given, else as described on <see cref="DataCache"/>.
    /// The folder need not exist yet (the loaders say what is missing and how to fill it).
    /// </summary>
    /// <exception cref="DatasetNotFoundException">No folder is given, the variable is not set and no repository root is found.</exception>
    public static string Locate(string? cacheFolder = null) =>
        cacheFolder is not null
            ? Path.GetFullPath(cacheFolder)
            : Locate(Environment.GetEnvironmentVariable(EnvironmentVariable), SearchStarts());

    internal static string Locate(string? environmentValue, IEnumerable<string> searchStarts)
    {
        if (!string.IsNullOrWhiteSpace(environmentValue)) return Path.GetFullPath(environmentValue);
        var starts = searchStarts.ToList();
        foreach (var start in starts)
        {
            for (var folder = new DirectoryInfo(start); folder is not null; folder = folder.Parent)
            {
                if (File.Exists(Path.Combine(folder.FullName, "scripts", "setup.sh"))
                    && Directory.Exists(Path.Combine(folder.FullName, "data")))
                    return Path.Combine(folder.FullName, "data", "cache");
            }
        }
        throw new DatasetNotFoundException(
            $"GanKit's data cache was not found: {EnvironmentVariable} is not set and no GanKit repository (a folder with " +
            $"scripts/setup.sh and data/) is above {string.Join(" or ", starts.Distinct())}. Set {EnvironmentVariable} " +
            $"to a cache folder, or run inside the repository after '{FillCommand}'.");
    }

    private static IEnumerable<string> SearchStarts()
    {
        yield return Environment.CurrentDirectory;
        var library = Path.GetDirectoryName(typeof(DataCache).Assembly.Location);
        if (!string.IsNullOrEmpty(library)) yield return library;
        yield return AppContext.BaseDirectory;
    }
}
