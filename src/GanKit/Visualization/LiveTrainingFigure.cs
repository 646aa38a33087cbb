using System.Globalization;
using TorchSharp;
using static TorchSharp.torch;
using GanKit.Display.Charts;
using GanKit.Display.Hosting;
using GanKit.Training;

namespace GanKit.Visualization;

/// <summary>
/// d2l's live two-row training figure, driven by <see cref="GanTrainer.EpochCompleted"/>: losses per epoch
/// on top, the real points against <see cref="Samples"/> freshly generated ones below. It is shown once when
/// created and replaced in place after every epoch (one refresh per epoch, however fast epochs are), through
/// <see cref="NotebookHost"/>: the cell's output in Polyglot and gankit-nb, the console in a plain program.
/// It is a <see cref="LiveChart"/>, completed (static image included) at the last epoch, or at
/// <see cref="Dispose"/> if training stops early.
/// Used in notebook 01.
/// </summary>
public sealed class LiveTrainingFigure : IDisposable
{
    private readonly GanTrainer _trainer;
    private readonly Tensor _real;
    private readonly LiveChart _chart;
    private readonly ((double Min, double Max) X, (double Min, double Max) Y) _ranges;
    private Tensor? _generated;

    /// <param name="trainer">The trainer whose epochs drive the figure.</param>
    /// <param name="real">The real points to show, (N, 2) (d2l shows the first 100).</param>
    /// <param name="totalEpochs">The run's length, which fixes the loss axis.</param>
    /// <param name="samples">Generated points per refresh (d2l: 100).</param>
    public LiveTrainingFigure(GanTrainer trainer, Tensor real, int totalEpochs, int samples = 100, IDisplaySink? sink = null)
    {
        _trainer = trainer;
        _real = real.detach().clone().DetachFromDisposeScope();
        TotalEpochs = totalEpochs;
        Samples = samples;
        _ranges = GanPlots.RangesAround(_real);
        _trainer.EpochCompleted += OnEpochCompleted;
        _chart = new LiveChart(Current, sink);
    }

    public int TotalEpochs { get; }

    public int Samples { get; }

    /// <summary>How many times the figure was redrawn after an epoch.</summary>
    public int Refreshes { get; private set; }

    /// <summary>The figure as it stands: the trainer's epochs so far and the latest generated points.</summary>
    public PlotlyChart Current
    {
        get
        {
            var epochs = _trainer.History.Epochs;
            var title = epochs.Count == 0
                ? $"Epoch 0 of {TotalEpochs}"
                : string.Create(CultureInfo.InvariantCulture,
                    $"Epoch {epochs[^1].Epoch} of {TotalEpochs}: loss_D {epochs[^1].LossD:F3}, loss_G {epochs[^1].LossG:F3}");
            // The axes fit the real points and grow when generated ones fall outside, so none is cut off.
            var ranges = _generated is null ? _ranges : GanPlots.Union(_ranges, GanPlots.RangesAround(_generated));
            return GanPlots.TrainingFigure(epochs, _real, _generated, TotalEpochs, ranges, title);
        }
    }

    private void OnEpochCompleted(EpochRecord record)
    {
        var fresh = _trainer.Generate(Samples).DetachFromDisposeScope();
        _generated?.Dispose();
        _generated = fresh;
        if (record.Epoch >= TotalEpochs)
        {
            _chart.Complete(Current);
        }
        else
        {
            _chart.Update(Current);
        }

        Refreshes++;
    }

    /// <summary>Stops following the trainer; the figure stays as last drawn, with its static image.</summary>
    public void Dispose()
    {
        _trainer.EpochCompleted -= OnEpochCompleted;
        if (!_chart.IsComplete)
        {
            _chart.Complete(Current);
        }

        _real.Dispose();
        _generated?.Dispose();
        _generated = null;
    }
}
