namespace TorchSharp.Utils.tensorboard.Enums;

/// <summary>
/// How <see cref="Modules.SummaryWriter.add_histogram"/> makes its buckets (TorchSharp's enum, same
/// names and values). GanKit implements <see cref="Tensorflow"/>, the default; the NumPy bin-width
/// estimators are accepted by the signature and refused with <see cref="NotSupportedException"/>.
/// </summary>
public enum HistogramBinSelector : byte
{
    Doane = 0,
    Rice,
    Scott,
    Sqrt,
    Stone,
    Sturges,
    Tensorflow
}
