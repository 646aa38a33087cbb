using System.Diagnostics;

namespace GanKit.Tracking;

/// <summary>Asks git which commit a folder's code is at; <see cref="CodeVersion.Unknown"/> without git or outside a repository.</summary>
internal static class GitVersion
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(10);

    public static CodeVersion Of(string folder)
    {
        var commit = Git(folder, "rev-parse HEAD");
        if (commit is null)
            return CodeVersion.Unknown;
        var changes = Git(folder, "status --porcelain --untracked-files=no");
        return new CodeVersion(commit, !string.IsNullOrEmpty(changes));
    }

    private static string? Git(string folder, string arguments)
    {
        try
        {
            var start = new ProcessStartInfo("git", arguments)
            {
                WorkingDirectory = folder,
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                UseShellExecute = false,
            };
            using var git = Process.Start(start);
            if (git is null)
                return null;
            var output = git.StandardOutput.ReadToEndAsync();
            git.StandardError.ReadToEndAsync();
            if (!git.WaitForExit(Timeout))
            {
                git.Kill();
                return null;
            }
            return git.ExitCode == 0 ? output.Result.Trim() : null;
        }
        catch (System.ComponentModel.Win32Exception)
        {
            return null; // git is not installed
        }
    }
}
