// GanKit.Benchmarks: every tutorial GAN step through our binding beside the same step in C++ libtorch
// and in PyTorch, or (--memory) resident memory and live tensors over a long run. See README.md.
using GanKit.Benchmarks;
using GanKit.Benchmarks.Memory;
using GanKit.Benchmarks.Reporting;
using GanKit.Benchmarks.Timing;
using GanKit.Benchmarks.Workloads;

if (ManagedTwin.TryRun(args) is int twinExit) return twinExit;

BenchmarkOptions options;
try {
    options = BenchmarkOptions.Parse(args);
    if (options.Device.StartsWith("cuda", StringComparison.Ordinal) && !torch.cuda.is_available())
        throw new ArgumentException($"--device {options.Device}: this libtorch ({torch.__version__}) has no CUDA or no GPU is present; see README.md for building against a CUDA libtorch.");
} catch (ArgumentException e) {
    Console.Error.WriteLine(e.Message);
    return 2;
}

var (cpp, pytorch) = (Twin.Cpp(), Twin.PyTorch(options.Python));
// --peers: the same steps on the official TorchSharp package and on our binding over Debian 13's libtorch 2.6, and the C++
// twin on that libtorch, so that binding overhead and libtorch version can be told apart (README.md, "Peers").
IReadOnlyList<Twin> peers = options.Peers ? Peers.All() : [];
string? pytorchVersion = null;
var peerVersions = new List<string>();
if (!options.Memory) {
    // The memory run reads resident memory, which pinned thresholds would hold at its peak: it keeps glibc's defaults.
    Allocator.ApplyToThisProcess(options.Malloc);
    // Before minutes of timing: a missing twin (no python3-torch, say) stops the run here, saying why.
    try {
        pytorchVersion = $"{pytorch.Version()} ({options.Python})";
        foreach (var peer in peers)
            peerVersions.Add(peer.ReportsVersion ? $"{peer.Name}: {peer.Version()}" : $"{peer.Name}: the C++ frontend on that libtorch");
    } catch (TwinException e) {
        Console.Error.WriteLine(e.Message);
        return 3;
    }
}

var machine = MachineInfo.Current(options, pytorchVersion, peerVersions);
var output = options.OutputDirectory ?? ResultsWriter.DefaultDirectory;
void Log(string line) => Console.Error.WriteLine(line);
Log($"{machine.Cpu}, {machine.Cores} cores, load {machine.LoadAverage}; libtorch {machine.Libtorch}; {machine.Blas}; {options.Threads} thread(s) on {options.Device}" +
    (pytorchVersion is null ? "" : $"; PyTorch {pytorchVersion}"));

(string Markdown, string Json) written;
if (options.Memory) {
    var traces = new List<MemoryTrace>();
    foreach (var workload in new[] { 1, 3 }.Select(WorkloadCatalog.Get)) {
        foreach (var reading in Enum.GetValues<MemoryReading>()) {
            Log($"memory: workload {workload.Number}, {workload.Name}, {options.MemorySteps} steps, {reading}");
            traces.Add(MemoryRun.Trace(workload, options, reading, Log));
        }
    }
    written = ResultsWriter.Write(output, "memory", MemoryReport.Markdown(machine, traces), MemoryReport.Json(machine, traces));
    Console.WriteLine(File.ReadAllText(written.Markdown));
} else {
    var results = new List<Comparison>();
    PipelineComparison? pipeline = null;
    MetricsComparison? metrics = null;
    try {
        if (options.Readings.Contains("steps")) {
            foreach (var workload in options.Workloads.Select(WorkloadCatalog.Get)) {
                Log($"workload {workload.Number}: {workload.Name}");
                foreach (int batch in options.BatchesOf(workload))
                    results.Add(SideBySide.Measure(workload, batch, options, cpp, pytorch, peers, Log));
            }
        }
        if (options.Readings.Contains("images")) {
            // Notebook 04's data: a quick run reads the first 50 files once.
            Log("image pipeline: ours vs torchvision + PIL");
            var folder = options.ImageFolder ?? Path.Combine(GanKit.Data.DataCache.Locate(), "noto-emoji", "faces");
            pipeline = ImagePipeline.Measure(folder, options.Quick ? 1 : options.ImagePasses, options.Quick ? 50 : 0, options.Python, options.Malloc, Log);
        }
        if (options.Readings.Contains("metrics")) {
            // Notebook 05's metrics: a quick run uses small features.
            Log("metrics: ours vs NumPy + SciPy (pytorch-fid's FID, torch-fidelity's KID)");
            metrics = MetricsReading.Measure(options, Log);
        }
    } catch (TwinException e) {
        Console.Error.WriteLine(e.Message);
        return 3;
    }
    // A quick run is a smoke test and a run of some readings is partial: neither may overwrite the committed table.
    string name = options.Quick ? "quick" : options.Readings.Count == BenchmarkOptions.AllReadings.Count ? "benchmark" : "benchmark-" + string.Join("-", options.Readings);
    written = ResultsWriter.Write(output, name,
        TimingReport.Markdown(machine, results, pipeline, metrics, options.Quick), TimingReport.Json(machine, results, pipeline, metrics, options.Quick));
    Console.WriteLine(File.ReadAllText(written.Markdown));
}
Log($"wrote {written.Markdown} and {written.Json}");
return 0;
