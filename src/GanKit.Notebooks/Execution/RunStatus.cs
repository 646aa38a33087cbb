namespace GanKit.Notebooks.Execution;

/// <summary>How a run or a cell ended.</summary>
public enum RunStatus
{
    Succeeded,
    /// <summary>A cell did not compile or threw.</summary>
    Failed,
    /// <summary>The notebook or its parameters were unusable.</summary>
    InvalidInput,
    TimedOut,
    Cancelled,
}

/// <summary>The process exit codes of <c>gankit-nb</c>.</summary>
public static class ExitCodes
{
    public const int Success = 0;
    public const int CellFailed = 1;
    public const int InvalidInput = 2;
    public const int CellTimedOut = 3;
    public const int Cancelled = 130; // the shell's code for SIGINT

    public static int For(RunStatus status) => status switch
    {
        RunStatus.Succeeded => Success,
        RunStatus.Failed => CellFailed,
        RunStatus.InvalidInput => InvalidInput,
        RunStatus.TimedOut => CellTimedOut,
        _ => Cancelled,
    };
}
