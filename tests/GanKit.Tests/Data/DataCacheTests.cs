using GanKit.Data;

namespace GanKit.Tests.Data;

public sealed class DataCacheTests : IDisposable
{
    private readonly string _root = Directory.CreateTempSubdirectory("gankit-repo-").FullName;

    public void Dispose() => Directory.Delete(_root, recursive: true);

    private void MakeRepository()
    {
        Directory.CreateDirectory(Path.Combine(_root, "scripts"));
        File.WriteAllText(Path.Combine(_root, "scripts", "setup.sh"), "");
        Directory.CreateDirectory(Path.Combine(_root, "data"));
    }

    [Fact]
    public void EnvironmentVariableWins()
    {
        MakeRepository();
        var elsewhere = Path.Combine(_root, "elsewhere");
        Assert.Equal(elsewhere, DataCache.Locate(elsewhere + "/", [_root]).TrimEnd('/'));
    }

    [Fact]
    public void RepositoryRootIsFoundFromANestedFolder()
    {
        MakeRepository();
        var notebooks = Directory.CreateDirectory(Path.Combine(_root, "notebooks", "deeper")).FullName;
        Assert.Equal(Path.Combine(_root, "data", "cache"), DataCache.Locate(null, [notebooks]));
        Assert.Equal(Path.Combine(_root, "data", "cache"), DataCache.Locate("  ", ["/", notebooks]));
    }

    [Fact]
    public void NoRepositoryGivesOneMessage()
    {
        var error = Assert.Throws<DatasetNotFoundException>(() => DataCache.Locate(null, [_root]));
        Assert.Contains("GANKIT_DATA is not set and no GanKit repository", error.Message);
        Assert.Contains(_root, error.Message);
        Assert.Contains("bash scripts/setup.sh", error.Message);
    }

    [Fact]
    public void TheTestsFindThisRepositorysCache()
    {
        // Tests run from tests/GanKit.Tests/bin/<configuration>/<framework>/.
        var expected = Path.GetFullPath(Path.Combine(AppContext.BaseDirectory, "..", "..", "..", "..", "..", "data", "cache"));
        Assert.Equal(expected, DataCache.Locate(null, [AppContext.BaseDirectory]));
    }

    [Fact]
    public void AnExplicitFolderIsUsedAsGiven()
    {
        Assert.Equal(Path.GetFullPath("some/cache"), DataCache.Locate("some/cache"));
    }
}
