namespace GanKit.Metrics.Files;

/// <summary>
/// A feature matrix file cannot be used: it is missing, has an unknown extension, or its content is wrong. The message
/// names the file and what is wrong (with the line and column of a CSV cell, the element of a .npy array). An
/// <see cref="IOException"/>, so that code catching file problems catches it too (InvalidDataException is sealed).
/// </summary>
public sealed class FeatureFileException : IOException
{
    public FeatureFileException(string path, string problem, Exception? inner = null)
        : base($"{path}: {problem}", inner)
    {
        FilePath = path;
        Problem = problem;
    }

    /// <summary>The file (full path).</summary>
    public string FilePath { get; }

    /// <summary>What is wrong with it, without the file name.</summary>
    public string Problem { get; }
}
