using System.Net;
using TorchSharp.Utils.tensorboard;
using TorchSharp.Utils.tensorboard.Enums;

namespace TorchSharp.Modules;

/// <summary>
/// Writes scalars, images, histograms and text to TensorBoard event files in <see cref="LogDir"/>;
/// made by <see cref="torch.utils.tensorboard.SummaryWriter"/>. Same methods and parameters as
/// TorchSharp 0.107's, and like TorchSharp's it holds no file open and needs no closing (it has no flush,
/// close or Dispose): every add_* is in the file (handed to the operating system) when it returns, so
/// TensorBoard shows it while training runs and nothing is lost when the process ends.
/// </summary>
public class SummaryWriter
{
    private static int _fileCounter;

    private readonly object _lock = new();
    private readonly EventFile _file;
    // add_scalars writes each series to its own run folder, {log_dir}/{main_tag}_{key}.
    private readonly Dictionary<string, EventFile> _scalarsFiles = new();

    internal SummaryWriter(string? log_dir, string? filename_suffix)
    {
        LogDir = string.IsNullOrEmpty(log_dir) ? torch.utils.tensorboard.CreateRunName("runs") : log_dir;
        _file = CreateEventFile(LogDir, string.IsNullOrEmpty(filename_suffix) ? "" : "." + filename_suffix);
    }

    /// <summary>The folder the event files are written to.</summary>
    public string LogDir { get; }

    /// <summary>Adds one point of the scalar series <paramref name="tag"/>.</summary>
    /// <param name="walltime">Seconds since the Unix epoch; default now (to the millisecond).</param>
    public void add_scalar(string tag, float scalar_value, int global_step, long? walltime = null)
    {
        ArgumentNullException.ThrowIfNull(tag);
        Write(_file, walltime, global_step, SummaryValue.Scalar(tag, scalar_value));
    }

    /// <summary>
    /// Adds one point to each of several series drawn in one chart <paramref name="main_tag"/>: series
    /// <c>key</c> goes to the run folder {log_dir}/{main_tag}_{key} under the tag main_tag.
    /// </summary>
    public void add_scalars(string main_tag, IDictionary<string, float> tag_scalar_dict, int global_step, long? walltime = null)
    {
        ArgumentNullException.ThrowIfNull(tag_scalar_dict);
        add_scalars(main_tag, tag_scalar_dict.Select(kv => (kv.Key, kv.Value)).ToList(), global_step, walltime);
    }

    /// <inheritdoc cref="add_scalars(string, IDictionary{string, float}, int, long?)"/>
    public void add_scalars(string main_tag, IList<(string, float)> tag_scalar_dict, int global_step, long? walltime = null)
    {
        ArgumentNullException.ThrowIfNull(main_tag);
        ArgumentNullException.ThrowIfNull(tag_scalar_dict);
        var time = walltime ?? UnixTime.Now();
        lock (_lock) {
            foreach (var (key, value) in tag_scalar_dict) {
                var folder = Path.Combine(LogDir, $"{main_tag}_{key}");
                if (!_scalarsFiles.TryGetValue(folder, out var file)) _scalarsFiles[folder] = file = CreateEventFile(folder, "");
                file.Write(new EventMessage(time, global_step, summary: new SummaryMessage(SummaryValue.Scalar(main_tag, value))));
            }
        }
    }

    /// <summary>
    /// Adds a histogram of <paramref name="values"/> (any shape, any device) over TensorFlow's default
    /// buckets, merged to at most <paramref name="max_bins"/> when given. Values must be finite.
    /// </summary>
    /// <exception cref="NotSupportedException"><paramref name="bins"/> is a NumPy estimator (GanKit has only the TensorFlow buckets).</exception>
    public void add_histogram(string tag, torch.Tensor values, int global_step, HistogramBinSelector bins = HistogramBinSelector.Tensorflow, long? walltime = null, long? max_bins = null)
    {
        ArgumentNullException.ThrowIfNull(tag);
        if (bins != HistogramBinSelector.Tensorflow)
            throw new NotSupportedException($"add_histogram: bins = {bins} is not implemented in GanKit.Torch; use HistogramBinSelector.Tensorflow (the default).");
        Write(_file, walltime, global_step, SummaryValue.Histogram(tag, HistogramSummary.FromTensor(values, max_bins)));
    }

    /// <summary>
    /// Adds an image (or a batch, shown as a grid of up to 8 columns). uint8 and int8 values are taken
    /// as 0–255, any other type as 0–1 (multiplied by 255); out of range values are clipped.
    /// </summary>
    /// <param name="img_tensor">1, 3 or 4 channels (grey, RGB, RGBA), on any device.</param>
    /// <param name="dataformats">The dimensions' order: a permutation of NCHW, HWC or HW (e.g. "CHW", "HWC", "NCHW", "HW").</param>
    public void add_img(string tag, torch.Tensor img_tensor, int global_step, long? walltime = null, string dataformats = "CHW")
    {
        ArgumentNullException.ThrowIfNull(tag);
        Write(_file, walltime, global_step, SummaryValue.Image(tag, ImageSummary.FromTensor(img_tensor, dataformats)));
    }

    /// <summary>Adds the image in a file (PNG, JPEG, GIF, BMP, WebP…), stored as PNG.</summary>
    public void add_img(string tag, string file_name, int global_step, long? walltime = null)
    {
        ArgumentNullException.ThrowIfNull(tag);
        Write(_file, walltime, global_step, SummaryValue.Image(tag, ImageSummary.FromFile(file_name)));
    }

    /// <summary>
    /// Adds text (Markdown) for TensorBoard's Text tab, under the tag "{tag}/text_summary" as TorchSharp
    /// and PyTorch name it.
    /// </summary>
    public void add_text(string tag, string text_string, int global_step, long? walltime = null)
    {
        ArgumentNullException.ThrowIfNull(tag);
        ArgumentNullException.ThrowIfNull(text_string);
        Write(_file, walltime, global_step, SummaryValue.Text(tag + "/text_summary", text_string));
    }

    private void Write(EventFile file, long? walltime, int step, SummaryValue value)
    {
        var message = new EventMessage(walltime ?? UnixTime.Now(), step, summary: new SummaryMessage(value));
        lock (_lock) file.Write(message);
    }

    /// <summary>
    /// TorchSharp's file name: events.out.tfevents.{DateTime.Now.Ticks}.{host}.{process id}.{counter}
    /// (TensorBoard reads any file whose name holds "tfevents"); the counter is per process here, so two
    /// writers never pick the same name.
    /// </summary>
    private static EventFile CreateEventFile(string folder, string suffix)
    {
        Directory.CreateDirectory(folder);
        var name = $"events.out.tfevents.{DateTime.Now.Ticks}.{Dns.GetHostName()}.{Environment.ProcessId}.{Interlocked.Increment(ref _fileCounter)}{suffix}";
        return new EventFile(Path.Combine(folder, name));
    }
}
