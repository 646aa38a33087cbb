using System.Text.Json;
using System.Text.Json.Nodes;

namespace GanKit.Cli.Metrics;

/// <summary>
/// The report as JSON, with stable snake_case keys: torch-fidelity's where it has them (frechet_inception_distance,
/// kernel_inception_distance_mean/_std, precision, recall, f_score, inception_score_mean/_std, and its option names
/// kid_subsets, kid_subset_size, prc_neighborhood, isc_splits); every key is always present, null when not computed.
/// </summary>
public static class MetricsReportJson
{
    private static readonly JsonSerializerOptions Options = new()
    {
        WriteIndented = true,
        // A metric that came out NaN or infinite is written as such, not lost with the whole report.
        NumberHandling = System.Text.Json.Serialization.JsonNumberHandling.AllowNamedFloatingPointLiterals,
    };

    public static string Serialize(MetricsReport report)
    {
        var kid = report.Kid;
        var prc = report.PrecisionRecall;
        var score = report.InceptionScore;
        var json = new JsonObject
        {
            ["frechet_inception_distance"] = report.Fid,
            ["kernel_inception_distance_mean"] = kid.Mean,
            ["kernel_inception_distance_std"] = kid.Std,
            ["precision"] = prc.Precision,
            ["recall"] = prc.Recall,
            ["f_score"] = prc.FScore,
            ["inception_score_mean"] = score?.Mean,
            ["inception_score_std"] = score?.Std,
            ["kid_subsets"] = kid.Subsets,
            ["kid_subset_size"] = kid.SubsetSize,
            ["kid_seed"] = kid.Seed,
            ["kid_indices_file"] = kid.IndicesFile,
            ["prc_neighborhood"] = prc.K,
            ["isc_splits"] = score?.Splits,
            ["real"] = Side(report.Real),
            ["fake"] = Side(report.Fake),
            ["probabilities"] = score is null ? null : new JsonObject
            {
                ["source"] = score.Source,
                ["count"] = score.Count,
                ["classes"] = score.Classes,
            },
            ["notes"] = new JsonArray([.. report.Notes.Select(n => (JsonNode?)n)]),
            ["warnings"] = new JsonArray([.. report.Warnings.Select(w => (JsonNode?)w)]),
            ["elapsed_seconds"] = report.ElapsedSeconds,
        };
        return json.ToJsonString(Options) + "\n";
    }

    private static JsonObject Side(FeatureSide side) => new()
    {
        ["path"] = side.Path,
        ["source"] = side.Source,
        ["count"] = side.Count,
        ["dimensions"] = side.Dimensions,
    };
}
