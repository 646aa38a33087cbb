namespace GanKit.Cli;

/// <summary>The exit codes of <c>gankit</c>.</summary>
public static class ExitCodes
{
    public const int Success = 0;

    /// <summary>Something failed that is not the input's fault (the exception is printed).</summary>
    public const int Failed = 1;

    /// <summary>Unusable input: a usage error, a missing or unreadable file, inputs that do not fit together.</summary>
    public const int InvalidInput = 2;
}
