using System.Text;
using GanKit.Benchmarks.Timing;
using static GanKit.Benchmarks.Reporting.ResultsWriter;

namespace GanKit.Benchmarks.Reporting;

/// <summary>
/// The side-by-side tables: per workload and batch, the step time of ours, the C++ twin and the PyTorch
/// twin, then the ratios ours / C++ and ours / PyTorch read against their goals.
/// </summary>
internal static class TimingReport
{
    public static string Markdown(MachineInfo machine, IReadOnlyList<Comparison> results, PipelineComparison? pipeline, MetricsComparison? metrics, bool quick)
    {
        var text = new StringBuilder(Header(quick ? "GAN step benchmark (quick smoke run: timings not meaningful)" : "GAN step benchmark: ours vs C++ libtorch vs PyTorch", machine));
        if (results.Count > 0) StepTables(text, results);
        if (pipeline is not null) PipelineTable(text, pipeline);
        if (metrics is not null) MetricsTable(text, metrics);
        return text.ToString();
    }

    private static void StepTables(StringBuilder text, IReadOnlyList<Comparison> results)
    {
        text.AppendLine("| # | workload | side | median ms | min ms | spread | steps/s | CPU time median ms | page faults per step, median / mean |");
        text.AppendLine("|---|---|---|---:|---:|---:|---:|---:|---:|");
        foreach (var r in results) {
            foreach (var (name, side) in r.Peers.Select(p => (p.Name, p.Side)).Prepend(("PyTorch", r.PyTorch)).Prepend(("C++", r.Cpp)).Prepend(("ours", r.Ours)))
                text.AppendLine($"| {r.Workload.Number} | {Name(r)} | {name} | {Milliseconds(side.Wall.Median)} | {Milliseconds(side.Wall.Min)} | {Percent(side.Wall.RelativeSpread)} " +
                                $"| {Fixed(side.Wall.StepsPerSecond, 1)} | {Milliseconds(side.Cpu.Median)} | {Fixed(side.Faults.Median, 0)} / {Fixed(side.Faults.Mean, 0)} |");
        }
        text.AppendLine();
        text.AppendLine("| # | workload | ours / C++ min | ours / C++ median | ours / C++ CPU time | goal ours / C++ (min) | ours / PyTorch min | ours / PyTorch median | ours / PyTorch CPU time | goal ours / PyTorch (min) |");
        text.AppendLine("|---|---|---:|---:|---:|---|---:|---:|---:|---|");
        foreach (var r in results) {
            text.AppendLine(
                $"| {r.Workload.Number} | {Name(r)} | {Fixed(r.MinRatio, 3)} | {Fixed(r.Ratio, 3)} | {Fixed(r.CpuRatio, 3)} | {Goal(r.Workload.Goal, r.MeetsGoal)} " +
                $"| {Fixed(r.PyTorchMinRatio, 3)} | {Fixed(r.PyTorchRatio, 3)} | {Fixed(r.PyTorchCpuRatio, 3)} | {Goal(r.Workload.PyTorchGoal, r.MeetsPyTorchGoal)} |");
        }
        text.AppendLine();
        text.AppendLine($"Steps timed per side: {string.Join(", ", results.Select(r => $"#{r.Workload.Number} batch {r.Settings.Batch}: {r.Ours.Wall.Steps} ({r.Settings.Steps} × {r.Ours.Wall.Steps / r.Settings.Steps} rounds)"))}. " +
                        "Spread is the interquartile range over the median. CPU time is the process's processor time per step (median), " +
                        "which waiting for a core shared with other programs does not inflate (cache contention still does). Page faults are the " +
                        "process's minor faults per step (getrusage): pages the allocator handed back to the kernel and touched again. " +
                        "The goals are read on the ratio of the minima (README.md says why). " +
                        "The sides alternate over rounds in one run, same threads, seed and shapes.");
        text.AppendLine();
        if (results.Any(r => r.Peers.Count > 0)) PeerTable(text, results);
    }

    // ours (libtorch 1.13) and ours on 2.6 against the official package (2.10); each torch on 2.6 against the C++ twin on
    // 2.6, so that the binding's overhead and the libtorch version can be told apart.
    private static void PeerTable(StringBuilder text, IReadOnlyList<Comparison> results)
    {
        text.AppendLine("Peers, in the Debian 13 root (scripts/debian13.sh --build): the official TorchSharp package (libtorch 2.10), our binding and the C++ twin on Debian 13's libtorch 2.6.");
        text.AppendLine();
        text.AppendLine("| # | workload | ours / official min | ours on 2.6 / official min (goal ≤ 1.00) | ours on 2.6 / official median | ours on 2.6 / C++ on 2.6 min | official / C++ on 2.6 min |");
        text.AppendLine("|---|---|---:|---:|---:|---:|---:|");
        foreach (var r in results) {
            double? Min(string a, string b) => Peers.MinRatio(r, a, b);
            var goal = Min(Peers.OursOnLibtorch26, Peers.Official);
            text.AppendLine($"| {r.Workload.Number} | {Name(r)} | {Optional(Min("ours", Peers.Official))} | {Optional(goal)} {(goal is double g ? (g <= 1 ? "met" : "missed") : "")} " +
                            $"| {Optional(Peers.MedianRatio(r, Peers.OursOnLibtorch26, Peers.Official))} | {Optional(Min(Peers.OursOnLibtorch26, Peers.CppOnLibtorch26))} | {Optional(Min(Peers.Official, Peers.CppOnLibtorch26))} |");
        }
        text.AppendLine();
    }

    private static string Optional(double? ratio) => ratio is double r ? Fixed(r, 3) : "–";

    private static void PipelineTable(StringBuilder text, PipelineComparison pipeline)
    {
        var (ours, theirs) = (pipeline.Ours.PerImage, pipeline.Torchvision.PerImage);
        text.AppendLine($"Image pipeline (notebook 04's data): {pipeline.Ours.Images:N0} files of {pipeline.Folder}, each decoded, Resize(64), CenterCrop(64), ToTensor, Normalize; one thread, {ours.Steps} pass(es) per side, alternating.");
        text.AppendLine();
        text.AppendLine("| side | images/s (median pass) | best pass images/s | spread | ours / theirs (images/s, best pass) | ours / theirs (median pass) | goal (best pass) |");
        text.AppendLine("|---|---:|---:|---:|---:|---:|---|");
        text.AppendLine($"| ours (SkiaSharp + GanKit) | {Fixed(1 / ours.Median, 0)} | {Fixed(1 / ours.Min, 0)} | {Percent(ours.RelativeSpread)} | {Fixed(pipeline.Ratio, 3)} | {Fixed(pipeline.MedianRatio, 3)} | ≥ 1.00 {(pipeline.Ratio >= 1 ? "met" : "missed")} |");
        text.AppendLine($"| {pipeline.TorchvisionVersion} | {Fixed(1 / theirs.Median, 0)} | {Fixed(1 / theirs.Min, 0)} | {Percent(theirs.RelativeSpread)} | | | |");
        text.AppendLine();
    }

    private static void MetricsTable(StringBuilder text, MetricsComparison metrics)
    {
        text.AppendLine($"Metrics (notebook 05): FID of two seeded sets of {metrics.Samples:N0} × {metrics.Dim:N0} float64 features, ours (Cholesky / eigvalsh) vs " +
                        $"pytorch-fid's route (np.cov, scipy.linalg.sqrtm), and KID with {metrics.KidSubsets} subsets of {metrics.KidSubsetSize:N0} on them, ours vs " +
                        $"torch-fidelity's NumPy formula; timed from the feature matrices to the number, {metrics.Fid.Ours.Steps} round(s) per side, alternating; " +
                        $"BLAS and LAPACK on one thread on both sides; {metrics.Versions}. Both sides must agree to {MetricsComparison.Agreement:G1} relative.");
        text.AppendLine();
        text.AppendLine("| metric | ours median s | NumPy median s | ours min s | NumPy min s | ours / NumPy (min) | ours / NumPy (median) | goal (min) | ours / NumPy CPU time | ours value | NumPy value | relative difference |");
        text.AppendLine("|---|---:|---:|---:|---:|---:|---:|---|---:|---:|---:|---:|");
        foreach (var m in new[] { metrics.Fid, metrics.Kid }) {
            text.AppendLine($"| {m.Name} | {Fixed(m.Ours.Median, 3)} | {Fixed(m.Numpy.Median, 3)} | {Fixed(m.Ours.Min, 3)} | {Fixed(m.Numpy.Min, 3)} | {Fixed(m.Ratio, 3)} | {Fixed(m.MedianRatio, 3)} " +
                            $"| ≤ {Fixed(m.Goal, 2)} {(m.Ratio <= m.Goal ? "met" : "missed")} | {Fixed(m.CpuRatio, 3)} | {m.OursValue:G10} | {m.NumpyValue:G10} | {m.RelativeDifference:G2} |");
        }
        text.AppendLine();
    }

    private static string Name(Comparison r) => $"{r.Workload.Name}, batch {r.Settings.Batch}";

    private static string Goal(double? goal, bool? met) =>
        goal is double g ? $"≤ {Fixed(g, 2)} {(met == true ? "met" : "missed")}" : "none set";

    private static string Percent(double fraction) => Fixed(fraction * 100, 1) + " %";

    public static object Json(MachineInfo machine, IReadOnlyList<Comparison> results, PipelineComparison? pipeline, MetricsComparison? metrics, bool quick) => new {
        machine,
        quick,
        image_pipeline = pipeline is null ? null : new {
            folder = pipeline.Folder,
            images = pipeline.Ours.Images,
            ours_seconds_per_pass = pipeline.Ours.Seconds,
            torchvision_seconds_per_pass = pipeline.Torchvision.Seconds,
            torchvision = pipeline.TorchvisionVersion,
            ours_images_per_second = pipeline.Ours.ImagesPerSecond,
            torchvision_images_per_second = pipeline.Torchvision.ImagesPerSecond,
            ratio_best_pass = pipeline.Ratio,
            ratio_median_pass = pipeline.MedianRatio,
            meets_goal = pipeline.Ratio >= 1,
        },
        metrics = metrics is null ? null : new {
            samples = metrics.Samples,
            dim = metrics.Dim,
            kid_subsets = metrics.KidSubsets,
            kid_subset_size = metrics.KidSubsetSize,
            versions = metrics.Versions,
            readings = new[] { metrics.Fid, metrics.Kid }.Select(m => new {
                name = m.Name,
                ours_seconds = m.OursTimes.Seconds,
                numpy_seconds = m.NumpyTimes.Seconds,
                ours_cpu_seconds = m.OursTimes.CpuSeconds,
                numpy_cpu_seconds = m.NumpyTimes.CpuSeconds,
                ours_value = m.OursValue,
                numpy_value = m.NumpyValue,
                relative_difference = m.RelativeDifference,
                ratio_min = m.Ratio,
                ratio_median = m.MedianRatio,
                ratio_cpu = m.CpuRatio,
                goal = m.Goal,
                meets_goal = m.Ratio <= m.Goal,
            }),
        },
        workloads = results.Select(r => new {
            number = r.Workload.Number,
            name = r.Workload.Name,
            batch = r.Settings.Batch,
            warmup = r.Settings.Warmup,
            bound = r.Workload.Bound.ToString().ToLowerInvariant(),
            goal = r.Workload.Goal,
            goals_read_on = "min",
            pytorch_goal = r.Workload.PyTorchGoal,
            ours = r.Ours,
            cpp = r.Cpp,
            pytorch = r.PyTorch,
            ours_steps_per_second = r.Ours.Wall.StepsPerSecond,
            cpp_steps_per_second = r.Cpp.Wall.StepsPerSecond,
            pytorch_steps_per_second = r.PyTorch.Wall.StepsPerSecond,
            ratio_median = r.Ratio,
            ratio_min = r.MinRatio,
            ratio_cpu = r.CpuRatio,
            meets_goal = r.MeetsGoal,
            pytorch_ratio_median = r.PyTorchRatio,
            pytorch_ratio_min = r.PyTorchMinRatio,
            pytorch_ratio_cpu = r.PyTorchCpuRatio,
            meets_pytorch_goal = r.MeetsPyTorchGoal,
            peers = r.Peers.Select(p => new { name = p.Name, side = p.Side }),
            ours_over_official_min = Peers.MinRatio(r, "ours", Peers.Official),
            ours_on_libtorch_2_6_over_official_min = Peers.MinRatio(r, Peers.OursOnLibtorch26, Peers.Official),
            ours_on_libtorch_2_6_over_cpp_on_libtorch_2_6_min = Peers.MinRatio(r, Peers.OursOnLibtorch26, Peers.CppOnLibtorch26),
        }),
    };
}
