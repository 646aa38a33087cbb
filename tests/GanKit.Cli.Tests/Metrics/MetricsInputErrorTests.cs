using GanKit.Cli.Metrics;

namespace GanKit.Cli.Tests.Metrics;

/// <summary>Every unusable input ends <c>gankit metrics</c> with code 2 and a message naming it, before any computation.</summary>
public sealed class MetricsInputErrorTests : IDisposable
{
    private readonly MetricsRun _run = new();

    public void Dispose() => _run.Dispose();

    private async Task<string> Refused(params string[] args)
    {
        var json = Path.Combine(_run.Folder, "report.json");
        var exitCode = await _run.Run([.. args, "--json", json]);
        Assert.True(exitCode == ExitCodes.InvalidInput, $"exit code {exitCode}: {_run.Output}{_run.Error}");
        Assert.Null(_run.Plan);
        Assert.False(File.Exists(json));
        Assert.DoesNotContain("   at ", _run.Error.ToString()); // a message, not a stack trace
        return _run.Error.ToString();
    }

    private (string Real, string Fake) TwoMatrices(long realRows = 30, long fakeRows = 20, long dimensions = 3) =>
        (_run.Matrix("real.npy", realRows, dimensions, seed: 1), _run.Matrix("fake.npy", fakeRows, dimensions, seed: 2));

    [Theory]
    [InlineData("--splits", "0", "--splits must be at least 1 (got 0).")]
    [InlineData("--k", "0", "--k must be at least 1 (got 0).")]
    [InlineData("--kid-subsets", "0", "--kid-subsets must be at least 1 (got 0).")]
    [InlineData("--kid-subset-size", "1", "--kid-subset-size must be at least 2 (got 1).")]
    [InlineData("--kid-seed", "-1", "--kid-seed must be at least 0 (got -1).")]
    [InlineData("--splits", "ten", "ten")]
    [InlineData("--features", "vgg", "vgg")]
    [InlineData("--features", "inception", "--features inception needs --inception-file FILE")]
    [InlineData("--no-such-option", "1", "--no-such-option")]
    public async Task Usage_errors_name_the_option(string option, string value, string message)
    {
        var (real, fake) = TwoMatrices();
        Assert.Contains(message, await Refused("--real", real, "--fake", fake, option, value));
    }

    [Fact]
    public async Task Real_and_fake_are_required()
    {
        var (real, _) = TwoMatrices();
        Assert.Contains("--fake", await Refused("--real", real));
    }

    [Theory]
    [InlineData("--kid-seed", "5")]
    [InlineData("--kid-subsets", "5")]
    [InlineData("--kid-subset-size", "5")]
    public async Task Drawing_options_and_kid_indices_exclude_each_other(string option, string value)
    {
        var (real, fake) = TwoMatrices();
        var indices = _run.Write("subsets.json", """[{"real": [0, 1], "fake": [0, 1]}]""");
        Assert.Contains($"{option} and --kid-indices exclude each other", await Refused("--real", real, "--fake", fake, "--kid-indices", indices, option, value));
    }

    [Fact]
    public async Task An_inception_file_with_the_mnist_extractor_is_refused()
    {
        var (real, fake) = TwoMatrices();
        var network = _run.Write("net.pt", "x");
        Assert.Contains("--inception-file is for --features inception, not mnist", await Refused("--real", real, "--fake", fake, "--features", "mnist", "--inception-file", network));
    }

    [Fact]
    public async Task A_missing_path_is_named()
    {
        var (real, _) = TwoMatrices();
        var missing = Path.Combine(_run.Folder, "nowhere.npy");
        Assert.Contains($"--fake: no file or folder at {missing}.", await Refused("--real", real, "--fake", missing));
    }

    [Fact]
    public async Task A_folder_without_an_extractor_is_refused_with_the_choices()
    {
        var (real, _) = TwoMatrices();
        var images = _run.Subfolder("images");
        var error = await Refused("--real", images, "--fake", real);
        Assert.Contains($"--real {images} is a folder of images", error);
        Assert.Contains("--features mnist, or --features inception --inception-file FILE", error);
    }

    [Fact]
    public async Task A_missing_inception_file_is_named()
    {
        var (real, fake) = TwoMatrices();
        var missing = Path.Combine(_run.Folder, "inception.pt");
        Assert.Contains($"--inception-file: no file at {missing}.", await Refused("--real", real, "--fake", fake, "--features", "inception", "--inception-file", missing));
    }

    [Fact]
    public async Task An_unreadable_matrix_file_is_named_with_its_problem()
    {
        var (real, _) = TwoMatrices();
        var ragged = _run.Write("fake.csv", "1,2,3\n4,5,6\n7,8\n");
        Assert.Contains($"--fake: {ragged}: line 3 has 2 columns but the first row, line 1, has 3", await Refused("--real", real, "--fake", ragged));
    }

    [Fact]
    public async Task Feature_dimensions_must_match_and_both_are_named()
    {
        var real = _run.Matrix("real.npy", 30, 64);
        var fake = _run.Matrix("fake.npy", 30, 2048);
        Assert.Contains("The real features have 64 dimensions but the fake features have 2048", await Refused("--real", real, "--fake", fake));
    }

    [Fact]
    public async Task Each_side_needs_two_samples()
    {
        var real = _run.Matrix("real.npy", 30, 3);
        var fake = _run.Matrix("fake.npy", 1, 3);
        Assert.Contains($"The fake features ({fake}) have 1 row; the metrics need at least 2 samples on each side.", await Refused("--real", real, "--fake", fake));
    }

    [Fact]
    public async Task K_must_leave_a_neighbour_on_the_smaller_side()
    {
        var (real, fake) = TwoMatrices(realRows: 30, fakeRows: 5);
        Assert.Contains("--k 5 needs more than 5 samples on each side", await Refused("--real", real, "--fake", fake, "--k", "5"));
    }

    [Fact]
    public async Task A_kid_subset_size_above_the_sample_count_is_refused()
    {
        var (real, fake) = TwoMatrices(realRows: 30, fakeRows: 20);
        Assert.Contains("--kid-subset-size 21 is more than the 20 fake samples", await Refused("--real", real, "--fake", fake, "--kid-subset-size", "21"));
    }

    [Fact]
    public async Task Logits_are_not_probabilities()
    {
        var (real, fake) = TwoMatrices();
        torch.manual_seed(3);
        using var logits = torch.randn(20, 4, dtype: ScalarType.Float64) * 3;
        var path = _run.Save("logits.npy", logits);
        var error = await Refused("--real", real, "--fake", fake, "--probs", path);
        Assert.Contains($"The probabilities ({path})", error);
        Assert.Contains("Logits? Apply softmax first.", error);
    }

    [Fact]
    public async Task Rows_that_do_not_sum_to_one_are_named()
    {
        var (real, fake) = TwoMatrices();
        var path = _run.Write("probs.csv", "0.5,0.5\n0.25,0.75\n0.5,0.3\n");
        Assert.Contains("has a row (row 2) summing to 0.8;", await Refused("--real", real, "--fake", fake, "--probs", path, "--splits", "2"));
    }

    [Fact]
    public async Task Splits_need_as_many_rows_of_probabilities()
    {
        var (real, fake) = TwoMatrices();
        var path = _run.Probabilities("probs.npy", 8, 3);
        Assert.Contains($"--splits 10 needs at least 10 rows of probabilities; {path} has 8.", await Refused("--real", real, "--fake", fake, "--probs", path));
    }

    [Fact]
    public async Task Probabilities_of_one_class_are_refused()
    {
        var (real, fake) = TwoMatrices();
        var path = _run.Write("probs.csv", string.Concat(Enumerable.Repeat("1\n", 20)));
        Assert.Contains("have shape [20, 1]; they are [N, C]", await Refused("--real", real, "--fake", fake, "--probs", path));
    }

    [Theory]
    [InlineData("""[{"real": [0, 1], "fake": [0, 20]}]""", "[0].fake[1] is 20, but the fake features have 20 rows (0 to 19)")]
    [InlineData("""[{"real": [0, 1], "fake": [0, 1]}, {"real": [0, 1, 2], "fake": [0, 1, 2]}]""", "[1].real has 3 indices but [0].real has 2; every subset has the same size")]
    [InlineData("""[{"real": [0, 1, 2], "fake": [0, 1]}]""", "[0].fake has 2 indices but [0].real has 3")]
    [InlineData("""[{"real": [0, 0], "fake": [0, 1]}]""", "[0].real[1] repeats row 0; a subset takes each row once")]
    [InlineData("""[{"real": [0], "fake": [1]}]""", "[0] has subsets of 1 index; KID needs at least 2 per subset")]
    [InlineData("""[{"real": [0, -1], "fake": [0, 1]}]""", "[0].real[1] is -1, not a row index")]
    [InlineData("""[{"real": [0, 1.5], "fake": [0, 1]}]""", "[0].real[1] is 1.5, not a row index")]
    [InlineData("""[{"real": [0, 1]}]""", "[0] has no \"fake\" array of row indices")]
    [InlineData("""[{"real": [0, 1], "fake": [0, 1], "seed": 3}]""", "[0] has the key \"seed\"; a subset has \"real\" and \"fake\" only")]
    [InlineData("""{"real": [0, 1], "fake": [0, 1]}""", "is not a non-empty JSON array of subsets")]
    [InlineData("""[]""", "is not a non-empty JSON array of subsets")]
    [InlineData("""[[0, 1]]""", "[0] is not an object")]
    [InlineData("""[{"real": [0, 1], "fake": [0, 1]""", "is not JSON")]
    public async Task Kid_indices_files_are_checked_entry_by_entry(string content, string problem)
    {
        var (real, fake) = TwoMatrices(realRows: 30, fakeRows: 20);
        var indices = _run.Write("subsets.json", content);
        Assert.Contains($"--kid-indices {indices}: {problem}", await Refused("--real", real, "--fake", fake, "--kid-indices", indices));
    }

    [Fact]
    public async Task A_missing_kid_indices_file_is_named()
    {
        var (real, fake) = TwoMatrices();
        var missing = Path.Combine(_run.Folder, "subsets.json");
        Assert.Contains($"--kid-indices: no file at {missing}.", await Refused("--real", real, "--fake", fake, "--kid-indices", missing));
    }
}
