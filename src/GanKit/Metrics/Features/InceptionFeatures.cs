using System.Runtime.InteropServices;
using TorchSharp;
using static TorchSharp.torch;

namespace GanKit.Metrics.Features;

/// <summary>
/// Inception-v3 features as FID, KID and the Inception Score are published with: NVIDIA's TorchScript translation of
/// TensorFlow's <c>inception-2015-12-05</c> graph (<see cref="FileName"/>, which StyleGAN2-ADA and clean-fid load with
/// <c>torch.jit.load</c>), called the way StyleGAN2-ADA's metrics call it:
/// <list type="bullet">
/// <item>images float [0, 1] become uint8 as StyleGAN2-ADA makes them from a generator's [−1, 1] output
/// (<c>(x · 127.5 + 128).clamp(0, 255).to(uint8)</c>, i.e. ⌊255·x + 0.5⌋ for x in [0, 1]), so the stored bytes of
/// a real image come back exactly; grey images are repeated to 3 channels;</item>
/// <item>the module resizes to 299×299 itself (TF1-style bilinear) and maps [0, 255] to about [−1, 1];</item>
/// <item>features: <c>forward(img, return_features=True)</c>, the 2048-d pool3 activations (FID, KID, precision and
/// recall); probabilities: <c>forward(img, no_output_bias=True)</c>, the 1008-way softmax without the output bias
/// (the Inception Score).</item>
/// </list>
/// TorchScript's forward is called with positional arguments here (TorchSharp passes no keywords), in the order of
/// the module's signature <c>forward(img, return_features=False, use_fp16=False, no_output_bias=False)</c>.
/// GanKit never downloads the file (see <see cref="Load"/>). Owns the module. Used in notebook 05.
/// </summary>
public sealed class InceptionFeatures : IFeatureExtractor, IDisposable
{
    /// <summary>The file's name, as StyleGAN2-ADA and clean-fid store it.</summary>
    public const string FileName = "inception-2015-12-05.pt";

    /// <summary>Where NVIDIA publishes it.</summary>
    public const string Url = "https://nvlabs-fi-cdn.nvidia.com/stylegan2-ada-pytorch/pretrained/metrics/inception-2015-12-05.pt";

    /// <summary>The side the module resizes every image to.</summary>
    public const int InputSize = 299;

    private readonly jit.ScriptModule _module;
    private readonly Device _device;

    private InceptionFeatures(jit.ScriptModule module, string path, Device device, bool withProbabilities)
    {
        _module = module;
        _device = device;
        Path = path;
        WithProbabilities = withProbabilities;
        // One tiny image tells the feature and class counts, and that the file is a network of this calling convention.
        using var scope = NewDisposeScope();
        using var noGrad = no_grad();
        var probe = zeros([1, 3, 8, 8], ScalarType.Byte, device);
        FeatureDim = Call(probe, returnFeatures: true, "features").shape[1];
        ClassCount = Call(probe, returnFeatures: false, "probabilities").shape[1];
    }

    /// <summary>
    /// Loads the TorchScript file at <paramref name="torchScriptPath"/> onto <paramref name="device"/> (CPU when null),
    /// in eval mode.
    /// </summary>
    /// <param name="withProbabilities">Also compute the 1008-way probabilities in <see cref="Extract"/> (a second pass
    /// through the network; false when only FID, KID or precision/recall are wanted).</param>
    /// <exception cref="FileNotFoundException">No file there: the message says where to get it.</exception>
    /// <exception cref="InvalidDataException">The file is not TorchScript, or not a network with that forward signature.</exception>
    public static InceptionFeatures Load(string torchScriptPath, Device? device = null, bool withProbabilities = true)
    {
        var path = System.IO.Path.GetFullPath(torchScriptPath);
        if (!File.Exists(path))
            throw new FileNotFoundException(
                $"No Inception network at '{path}'. GanKit never downloads it: fetch NVIDIA's TorchScript Inception-v3 " +
                $"(the one StyleGAN2-ADA and clean-fid use, about 100 MB) once from {Url} and pass the path of {FileName}.", path);
        device ??= CPU;
        jit.ScriptModule module;
        try
        {
            module = jit.load(path, device.type, device.index);
        }
        catch (ExternalException e)
        {
            throw new InvalidDataException($"{path} is not a TorchScript file that libtorch can load: {e.Message}", e);
        }
        try
        {
            module.eval();
            return new InceptionFeatures(module, path, device, withProbabilities);
        }
        catch
        {
            module.Dispose();
            throw;
        }
    }

    /// <summary>The TorchScript file, full path.</summary>
    public string Path { get; }

    /// <summary>Whether <see cref="Extract"/> computes probabilities too.</summary>
    public bool WithProbabilities { get; }

    /// <summary>The length of a feature vector: 2048 for NVIDIA's file.</summary>
    public long FeatureDim { get; }

    /// <summary>The number of class probabilities: 1008 for NVIDIA's file.</summary>
    public long ClassCount { get; }

    public string Name => $"Inception-v3 ({System.IO.Path.GetFileName(Path)}), {FeatureDim}-d pool3";

    /// <summary>
    /// The features (float64 [N, 2048]) and, with <see cref="WithProbabilities"/>, the probabilities (float64 [N, 1008])
    /// of images float [N, 1 or 3, H, W] in [0, 1], any H and W.
    /// </summary>
    /// <exception cref="ArgumentException">The images are not of that shape or range; the message says how they differ.</exception>
    public ExtractedFeatures Extract(Tensor images, int batchSize = 500)
    {
        ImageInput.Check(images, "Inception", [1, 3], null);
        var outputs = ImageInput.Batched(images, batchSize, batch =>
        {
            var pixels = ToPixels(batch, _device);
            var features = Call(pixels, returnFeatures: true, "features");
            return WithProbabilities ? [features, Call(pixels, returnFeatures: false, "probabilities")] : [features];
        });
        return new ExtractedFeatures(outputs[0], WithProbabilities ? outputs[1] : null);
    }

    /// <summary>
    /// The module's input for images float in [0, 1]: uint8 [N, 3, H, W] on <paramref name="device"/>, ⌊255·x + 0.5⌋
    /// (StyleGAN2-ADA's conversion), grey repeated to 3 channels.
    /// </summary>
    internal static Tensor ToPixels(Tensor images, Device device)
    {
        using var scope = NewDisposeScope();
        var pixels = images.to(ScalarType.Float32, device).mul(255).add_(0.5).clamp_(0, 255).to(ScalarType.Byte);
        if (pixels.shape[1] == 1) pixels = pixels.repeat(1, 3, 1, 1);
        return pixels.MoveToOuterDisposeScope();
    }

    // forward(img, return_features, use_fp16, no_output_bias): features, or the softmax without the output bias.
    private Tensor Call(Tensor pixels, bool returnFeatures, string what)
    {
        object result;
        try
        {
            result = _module.call(pixels, returnFeatures, false, !returnFeatures);
        }
        catch (ExternalException e)
        {
            throw new InvalidDataException(
                $"{Path} is not a network that takes forward(img, return_features, use_fp16, no_output_bias) as {FileName} does: {e.Message}", e);
        }
        if (result is not Tensor { } tensor || tensor.dim() != 2 || tensor.shape[0] != pixels.shape[0])
            throw new InvalidDataException($"{Path} returned {Describe(result)} for the {what} of {pixels.shape[0]} image(s); {FileName} returns one row per image");
        return tensor;
    }

    private static string Describe(object? result) =>
        result is Tensor tensor ? $"a tensor [{string.Join(", ", tensor.shape)}]" : result?.GetType().Name ?? "nothing";

    public override string ToString() => $"{Name}, {ClassCount} classes{(WithProbabilities ? "" : " (probabilities not computed)")}, on {_device}";

    public void Dispose() => _module.Dispose();
}
