using GanKit.Checkpoints;
using GanKit.Models;

namespace GanKit.Tests.Checkpoints;

public sealed class GeneratorSnapshotsTests : IDisposable
{
    private readonly string _run = Directory.CreateTempSubdirectory("gankit-snapshots-").FullName;

    public void Dispose() => Directory.Delete(_run, recursive: true);

    private static float[] Weights(nn.Module module) =>
        module.parameters().SelectMany(p => p.detach().flatten().data<float>().ToArray()).ToArray();

    [Fact]
    public void SavedStepsAreListedInOrderAndLoadIntoAFreshGenerator()
    {
        torch.manual_seed(1);
        using var trained = new BultenGenerator(8);
        GeneratorSnapshots.Save(trained, _run, 200);
        GeneratorSnapshots.Save(trained, _run, 0);
        File.WriteAllText(Path.Combine(_run, GeneratorSnapshots.FolderName, "notes.txt"), "not a snapshot");

        var kept = GeneratorSnapshots.List(_run);
        Assert.Equal([0L, 200L], kept.Select(s => s.Step));
        Assert.EndsWith("step-000200.bin", kept[1].Path);

        torch.manual_seed(2);
        using var fresh = new BultenGenerator(8);
        Assert.NotEqual(Weights(trained), Weights(fresh));
        GeneratorSnapshots.Load(fresh, kept[1].Path);
        Assert.Equal(Weights(trained), Weights(fresh));
    }

    [Fact]
    public void ARunWithoutSnapshotsListsNone() => Assert.Empty(GeneratorSnapshots.List(_run));

    [Fact]
    public void ASnapshotOfAnotherGeneratorIsRefusedAndTheGeneratorIsUnchanged()
    {
        torch.manual_seed(1);
        using var wide = new BultenGenerator(16);
        var path = GeneratorSnapshots.Save(wide, _run, 10);
        torch.manual_seed(2);
        using var narrow = new BultenGenerator(8);
        var before = Weights(narrow);

        var error = Assert.Throws<InvalidDataException>(() => GeneratorSnapshots.Load(narrow, path));
        Assert.Contains(path, error.Message);
        Assert.Contains("does not fit", error.Message);
        Assert.Equal(before, Weights(narrow));
    }

    [Fact]
    public void ATruncatedSnapshotIsRefusedWithItsName()
    {
        torch.manual_seed(1);
        using var generator = new BultenGenerator(8);
        var path = GeneratorSnapshots.Save(generator, _run, 5);
        var bytes = File.ReadAllBytes(path);
        File.WriteAllBytes(path, bytes[..(bytes.Length / 2)]);
        var before = Weights(generator);

        var error = Assert.Throws<InvalidDataException>(() => GeneratorSnapshots.Load(generator, path));
        Assert.Contains(path, error.Message);
        Assert.Equal(before, Weights(generator));
    }

    [Fact]
    public void AMissingSnapshotNamesThePath()
    {
        using var generator = new BultenGenerator(8);
        var missing = Path.Combine(_run, "generator", "step-000001.bin");
        var error = Assert.Throws<FileNotFoundException>(() => GeneratorSnapshots.Load(generator, missing));
        Assert.Contains(missing, error.Message);
    }
}
