using System.Text.Json.Nodes;
using GanKit.Cli.Metrics;

namespace GanKit.Cli.Tests.Metrics;

/// <summary>What <c>gankit metrics</c> hands its computation, and what it prints and writes of the report.</summary>
public sealed class MetricsCommandTests : IDisposable
{
    private readonly MetricsRun _run = new();

    public void Dispose() => _run.Dispose();

    private JsonObject Json(string path) => JsonNode.Parse(File.ReadAllText(path))!.AsObject();

    [Fact]
    public async Task Matrix_files_give_a_report_on_the_terminal_and_in_json()
    {
        var real = _run.Matrix("real.npy", 50, 4, seed: 1);
        var fake = _run.Matrix("fake.csv", 40, 4, seed: 2);
        var json = Path.Combine(_run.Folder, "out", "report.json");

        var exitCode = await _run.Run("--real", real, "--fake", fake, "--json", json);

        Assert.True(exitCode == ExitCodes.Success, _run.Error.ToString());
        using (var realMatrix = GanKit.Metrics.Files.FeatureMatrixFile.Load(real))
            Assert.Equal(realMatrix.data<double>().ToArray(), _run.RealValues);
        var text = _run.Output.ToString();
        Assert.Contains("npy file", text);
        Assert.Contains("csv file", text);
        Assert.Contains(real, text);
        Assert.Contains("12.5", text);
        Assert.Contains("100 subsets of 40, seed 2020", text);
        Assert.Contains("not computed: no class probabilities", text);
        Assert.Contains("note: KID subset size 40 = min(N_real, N_fake)", text);
        Assert.Contains($"Wrote {json}", text);

        var report = Json(json);
        Assert.Equal(MetricsRun.Fid, (double)report["frechet_inception_distance"]!);
        Assert.Equal(MetricsRun.KidMean, (double)report["kernel_inception_distance_mean"]!);
        Assert.Equal(MetricsRun.FScore, (double)report["f_score"]!);
        Assert.Null(report["inception_score_mean"]);
        Assert.Null(report["isc_splits"]);
        Assert.Equal(40, (int)report["kid_subset_size"]!);
        Assert.Equal(2020, (int)report["kid_seed"]!);
        Assert.Equal(50, (long)report["real"]!["count"]!);
        Assert.Equal(40, (long)report["fake"]!["count"]!);
        Assert.Equal(4, (long)report["fake"]!["dimensions"]!);
        Assert.Equal(real, (string)report["real"]!["path"]!);
        Assert.Contains("KID subset size 40", (string)report["notes"]![0]!);
        Assert.True((double)report["elapsed_seconds"]! >= 0);
        Assert.Single(Directory.GetFiles(Path.GetDirectoryName(json)!)); // atomic: no temporary file left
    }

    [Fact]
    public async Task The_defaults_are_torch_fidelitys_with_subsets_of_1000_when_there_are_enough_samples()
    {
        var real = _run.Matrix("real.npy", 1000, 2, seed: 1);
        var fake = _run.Matrix("fake.npy", 1200, 2, seed: 2);

        Assert.Equal(ExitCodes.Success, await _run.Run("--real", real, "--fake", fake));

        var plan = _run.Plan!;
        Assert.Equal((3, 10, 100, 1000, 2020), (plan.K, plan.Splits, plan.KidSubsets, plan.KidSubsetSize, plan.KidSeed));
        Assert.Null(plan.KidIndices);
        Assert.Null(_run.ProbabilitiesShape);
        Assert.Empty(plan.Notes);
        Assert.DoesNotContain("note:", _run.Output.ToString());
    }

    [Fact]
    public async Task Every_option_reaches_the_computation_and_the_report()
    {
        var real = _run.Matrix("real.npy", 60, 3, seed: 1);
        var fake = _run.Matrix("fake.npy", 50, 3, seed: 2);
        var probabilities = _run.Probabilities("probs.npy", 50, 10);
        var json = Path.Combine(_run.Folder, "report.json");

        var exitCode = await _run.Run("--real", real, "--fake", fake, "--probs", probabilities, "--splits", "5", "--k", "4",
            "--kid-subsets", "7", "--kid-subset-size", "20", "--kid-seed", "9", "--json", json);

        Assert.True(exitCode == ExitCodes.Success, _run.Error.ToString());
        var plan = _run.Plan!;
        Assert.Equal((4, 5, 7, 20, 9), (plan.K, plan.Splits, plan.KidSubsets, plan.KidSubsetSize, plan.KidSeed));
        Assert.Equal(new long[] { 50, 10 }, _run.ProbabilitiesShape);
        Assert.Contains("7 subsets of 20, seed 9", _run.Output.ToString());
        Assert.Contains($"5 splits of 50 × 10 probabilities from {probabilities}", _run.Output.ToString());
        var report = Json(json);
        Assert.Equal(MetricsRun.IsMean, (double)report["inception_score_mean"]!);
        Assert.Equal(MetricsRun.IsStd, (double)report["inception_score_std"]!);
        Assert.Equal(5, (int)report["isc_splits"]!);
        Assert.Equal(4, (int)report["prc_neighborhood"]!);
        Assert.Equal((7, 20, 9), ((int)report["kid_subsets"]!, (int)report["kid_subset_size"]!, (int)report["kid_seed"]!));
        Assert.Equal(probabilities, (string)report["probabilities"]!["source"]!);
        Assert.Equal(10, (long)report["probabilities"]!["classes"]!);
    }

    [Fact]
    public async Task Kid_indices_from_a_file_fix_the_subsets_and_replace_the_seed()
    {
        var real = _run.Matrix("real.npy", 30, 2, seed: 1);
        var fake = _run.Matrix("fake.npy", 20, 2, seed: 2);
        var indices = _run.Write("subsets.json", """[{"real": [0, 29, 4], "fake": [19, 2, 3]}, {"real": [5, 1, 2], "fake": [0, 8, 11]}]""");
        var json = Path.Combine(_run.Folder, "report.json");

        Assert.Equal(ExitCodes.Success, await _run.Run("--real", real, "--fake", fake, "--kid-indices", indices, "--json", json));

        var plan = _run.Plan!;
        Assert.Equal((2, 3), (plan.KidSubsets, plan.KidSubsetSize));
        Assert.Equal(new long[] { 0, 29, 4 }, plan.KidIndices![0].Real);
        Assert.Equal(new long[] { 0, 8, 11 }, plan.KidIndices[1].Fake);
        Assert.Contains($"2 subsets of 3 from {indices}", _run.Output.ToString());
        var report = Json(json);
        Assert.Null(report["kid_seed"]);
        Assert.Equal(indices, (string)report["kid_indices_file"]!);
    }

    [Fact]
    public async Task A_folder_reaches_the_computation_with_its_extractor()
    {
        var images = _run.Subfolder("samples");
        var real = _run.Matrix("real.npy", 30, 8, seed: 1);
        var extracted = new List<string>();
        using var features = torch.randn(25, 8, dtype: ScalarType.Float64);
        _run.ExtractedFeatures = side => { extracted.Add(side.Side); return features; };
        var exitCode = await _run.Run("--real", real, "--fake", images, "--features", "mnist");

        Assert.True(exitCode == ExitCodes.Success, _run.Error.ToString());
        Assert.Equal(["fake"], extracted);
        Assert.Equal(FeatureExtractorKind.Mnist, _run.Inputs!.Extractor);
        Assert.True(_run.Inputs.Fake.IsFolder);
        Assert.Equal(images, _run.Inputs.Fake.Path);
        Assert.Contains("images, MNIST classifier features", _run.Output.ToString());
        var samples = _run.Output.ToString().Split('\n').Single(line => line.StartsWith("samples"));
        Assert.Equal(["samples", "30", "25"], samples.Split(' ', StringSplitOptions.RemoveEmptyEntries));
    }

    [Fact]
    public async Task An_inception_file_alone_chooses_the_inception_extractor()
    {
        var images = _run.Subfolder("real-images");
        var network = _run.Write("inception-2015-12-05.pt", "stand-in");
        var fake = _run.Matrix("fake.npy", 30, 8);
        using var features = torch.randn(30, 8, dtype: ScalarType.Float64);
        _run.ExtractedFeatures = _ => features;
        Assert.Equal(ExitCodes.Success, await _run.Run("--real", images, "--fake", fake, "--inception-file", network));
        Assert.Equal(FeatureExtractorKind.Inception, _run.Inputs!.Extractor);
        Assert.Equal(network, _run.Inputs.InceptionFile);
        Assert.Contains("images, Inception (inception-2015-12-05.pt) features", _run.Output.ToString());
    }

    [Fact]
    public async Task Extracted_features_that_do_not_fit_end_the_run_as_unusable_input()
    {
        var images = _run.Subfolder("samples");
        var real = _run.Matrix("real.npy", 30, 8);
        using var features = torch.randn(25, 5, dtype: ScalarType.Float64);
        _run.ExtractedFeatures = _ => features;
        Assert.Equal(ExitCodes.InvalidInput, await _run.Run("--real", real, "--fake", images, "--features", "mnist"));
        Assert.Contains("The real features have 8 dimensions but the fake features have 5", _run.Error.ToString());
        Assert.Empty(_run.Output.ToString());
    }

    [Fact]
    public async Task Features_options_with_two_matrices_are_noted_and_odd_probabilities_warned_about()
    {
        var real = _run.Matrix("real.npy", 30, 2);
        var fake = _run.Matrix("fake.npy", 30, 2);
        var probabilities = _run.Probabilities("probs.csv", 20, 3);
        _run.MetricWarnings = ["FID: covariance regularised (stand-in)"];
        Assert.Equal(ExitCodes.Success, await _run.Run("--real", real, "--fake", fake, "--probs", probabilities, "--features", "mnist"));
        var text = _run.Output.ToString();
        Assert.Contains("note: --features mnist has no effect: both inputs are feature matrices.", text);
        Assert.Contains("warning: The probabilities have 20 rows but the fake features 30", text);
        Assert.Contains("warning: FID: covariance regularised (stand-in)", text);
    }

    [Fact]
    public async Task A_failing_computation_exits_with_the_failure_code()
    {
        var real = _run.Matrix("real.npy", 10, 2);
        var output = new StringWriter();
        var error = new StringWriter();
        var exitCode = await CommandLine.RunAsync(["metrics", "--real", real, "--fake", real], output, error,
            _ => throw new InvalidOperationException("the metric diverged"));
        Assert.Equal(ExitCodes.Failed, exitCode);
        Assert.Contains("the metric diverged", error.ToString());
    }
}
