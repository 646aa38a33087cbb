namespace GanKit.Notebooks.Tests.Infrastructure;

/// <summary>Paths in the source repository the tests run from.</summary>
public static class RepositoryPaths
{
    public static string Root { get; } = FindRoot();

    public static string DisplayProject => Path.Combine(Root, "src", "GanKit.Display", "GanKit.Display.csproj");

    private static string FindRoot()
    {
        for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
        {
            if (File.Exists(Path.Combine(folder.FullName, "Directory.Build.props")))
            {
                return folder.FullName;
            }
        }

        throw new InvalidOperationException("The tests are not running inside the repository.");
    }
}
