namespace GanKit.Data;

/// <summary>A dataset file exists but its content is wrong: the message names the file and what is wrong.</summary>
public sealed class DatasetFormatException : Exception
{
    public DatasetFormatException(string path, string problem, Exception? inner = null)
        : base($"{path}: {problem}", inner)
    {
        FilePath = path;
        Problem = problem;
    }

    /// <summary>The file whose content is wrong.</summary>
    public string FilePath { get; }

    /// <summary>What is wrong with it, without the file name.</summary>
    public string Problem { get; }
}

/// <summary>A dataset's files are not where GanKit looks: the message says where it looked and what fills it.</summary>
public sealed class DatasetNotFoundException(string message) : Exception(message);

/// <summary>A download failed on every mirror: <see cref="Failures"/> has one line per mirror tried.</summary>
public sealed class DatasetDownloadException : Exception
{
    public DatasetDownloadException(string fileName, IReadOnlyList<string> failures)
        : base($"could not download {fileName} from any mirror:{Environment.NewLine}  "
               + string.Join(Environment.NewLine + "  ", failures))
    {
        FileName = fileName;
        Failures = failures;
    }

    public string FileName { get; }

    /// <summary>"URL: reason", in the order the mirrors were tried.</summary>
    public IReadOnlyList<string> Failures { get; }
}
