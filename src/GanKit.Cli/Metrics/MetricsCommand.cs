using System.CommandLine;
using System.CommandLine.Parsing;
using System.Diagnostics;
using System.Globalization;
using GanKit.IO;

namespace GanKit.Cli.Metrics;

/// <summary>
/// <c>gankit metrics --real PATH --fake PATH [--probs PATH] [--splits N] [--k K] [--kid-subsets N] [--kid-subset-size M]
/// [--kid-seed S | --kid-indices FILE] [--features mnist|inception] [--inception-file FILE] [--json OUT]</c>: reads or
/// extracts the features, computes the metrics, prints the report and writes it as JSON.
/// </summary>
internal static class MetricsCommand
{
    public static Command Create(TextWriter output, TextWriter error, Func<MetricsInputs, MetricsReport> compute)
    {
        var real = new Option<string>("--real") { Description = "Real samples: a feature matrix (.npy, .csv: one row per sample) or a folder of images.", Required = true };
        var fake = new Option<string>("--fake") { Description = "Generated samples: a feature matrix (.npy, .csv) or a folder of images.", Required = true };
        var probabilities = new Option<string?>("--probs") { Description = "Class probabilities of the generated samples [N, C] (.npy, .csv), for the Inception Score; a folder's MNIST or Inception extractor gives them otherwise." };
        var splits = new Option<int>("--splits") { Description = "Inception Score splits.", DefaultValueFactory = _ => MetricsRequest.DefaultSplits };
        var k = new Option<int>("--k") { Description = "Neighbourhood size of precision and recall.", DefaultValueFactory = _ => MetricsRequest.DefaultK };
        var kidSubsets = new Option<int?>("--kid-subsets") { Description = $"KID subsets [default: {MetricsRequest.DefaultKidSubsets}]." };
        var kidSubsetSize = new Option<int?>("--kid-subset-size") { Description = $"Samples per KID subset and side [default: {MetricsRequest.DefaultKidSubsetSize}, or min(N_real, N_fake) when fewer]." };
        var kidSeed = new Option<int?>("--kid-seed") { Description = $"Seed of KID's subsets (NumPy's RandomState, as torch-fidelity) [default: {MetricsRequest.DefaultKidSeed}]." };
        var kidIndices = new Option<string?>("--kid-indices") { Description = "JSON file of KID's subsets instead of drawing them: [{\"real\": [row, ...], \"fake\": [row, ...]}, ...]." };
        var features = new Option<string?>("--features") { Description = "Feature extractor for image folders: mnist (GanKit's MNIST classifier) or inception (needs --inception-file)." };
        features.AcceptOnlyFromAmong("mnist", "inception");
        var inceptionFile = new Option<string?>("--inception-file") { Description = "TorchScript Inception network (NVIDIA's inception-2015-12-05.pt) for --features inception." };
        var json = new Option<string?>("--json") { Description = "Also write the report to this JSON file." };

        AtLeast(splits, 1);
        AtLeast(k, 1);
        AtLeast(kidSubsets, 1);
        AtLeast(kidSubsetSize, 2);
        AtLeast(kidSeed, 0);

        var command = new Command("metrics", "FID, KID, precision/recall and the Inception Score of generated samples against real ones.")
        {
            real, fake, probabilities, splits, k, kidSubsets, kidSubsetSize, kidSeed, kidIndices, features, inceptionFile, json,
        };
        command.Validators.Add(result =>
        {
            if (Given(result, kidIndices))
            {
                foreach (var drawn in new Option[] { kidSeed, kidSubsets, kidSubsetSize }.Where(option => Given(result, option)))
                    result.AddError($"{drawn.Name} and --kid-indices exclude each other: the file fixes KID's subsets.");
            }
            var extractor = result.GetValue(features);
            if (extractor == "mnist" && Given(result, inceptionFile))
                result.AddError("--inception-file is for --features inception, not mnist.");
            if (extractor == "inception" && !Given(result, inceptionFile))
                result.AddError("--features inception needs --inception-file FILE (the TorchScript Inception network).");
        });

        command.SetAction(result =>
        {
            var clock = Stopwatch.StartNew();
            var request = new MetricsRequest
            {
                Real = result.GetValue(real)!,
                Fake = result.GetValue(fake)!,
                Probabilities = result.GetValue(probabilities),
                Splits = result.GetValue(splits),
                K = result.GetValue(k),
                KidSubsets = result.GetValue(kidSubsets),
                KidSubsetSize = result.GetValue(kidSubsetSize),
                KidSeed = result.GetValue(kidSeed),
                KidIndices = result.GetValue(kidIndices),
                Features = result.GetValue(features) switch
                {
                    "mnist" => FeatureExtractorKind.Mnist,
                    "inception" => FeatureExtractorKind.Inception,
                    _ => null,
                },
                InceptionFile = result.GetValue(inceptionFile),
                JsonPath = result.GetValue(json),
            };
            try
            {
                using var inputs = MetricsInputs.Load(request);
                var report = compute(inputs) with { ElapsedSeconds = clock.Elapsed.TotalSeconds };
                output.Write(MetricsReportText.Render(report));
                if (request.JsonPath is { } jsonPath)
                {
                    AtomicFile.WriteAllText(jsonPath, MetricsReportJson.Serialize(report));
                    output.WriteLine($"Wrote {jsonPath}");
                }
                return ExitCodes.Success;
            }
            catch (Exception e) when (e is MetricsInputException or IOException or UnauthorizedAccessException)
            {
                error.WriteLine(e.Message);
                return ExitCodes.InvalidInput;
            }
        });
        return command;
    }

    private static bool Given(CommandResult result, Option option) => result.GetResult(option) is { Implicit: false };

    // Checks the value as typed: a default is valid, and a value that is no number gets System.CommandLine's own error.
    private static void AtLeast(Option option, int minimum) => option.Validators.Add(result =>
    {
        if (result.Tokens is [var token] && int.TryParse(token.Value, NumberStyles.Integer, CultureInfo.InvariantCulture, out var value) && value < minimum)
            result.AddError($"{option.Name} must be at least {minimum} (got {value}).");
    });
}
