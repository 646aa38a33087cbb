using System.Globalization;
using GanKit.Display.Tables;
using TorchSharp;
using static TorchSharp.torch;

namespace GanKit.Models;

/// <summary>One layer as a forward pass reached it: its field name, type, output shape (batch first) and own parameter count.</summary>
public sealed record ModelSummaryRow(string Name, string Type, long[] OutputShape, long Parameters)
{
    /// <summary>The shape as Keras prints it, with the batch dimension as <c>B</c>: "(B, 64, 14, 14)".</summary>
    public string OutputShapeText => $"(B, {string.Join(", ", OutputShape.Skip(1))})";
}

/// <summary>
/// Keras's <c>model.summary()</c> for a TorchSharp module: every leaf layer in the order a forward pass
/// on a dummy input calls it, with its output shape and parameter count, and the totals split into
/// trainable and non-trainable. As in Keras, batch norm's moving mean and variance count as
/// non-trainable parameters (they are floating-point buffers here); integer buffers such as
/// <c>num_batches_tracked</c>, which Keras does not have, are not counted.
/// </summary>
public sealed class ModelSummary
{
    private ModelSummary(string modelName, IReadOnlyList<ModelSummaryRow> rows, long trainable, long nonTrainable)
    {
        ModelName = modelName;
        Rows = rows;
        TrainableParameters = trainable;
        NonTrainableParameters = nonTrainable;
    }

    public string ModelName { get; }
    public IReadOnlyList<ModelSummaryRow> Rows { get; }
    public long TrainableParameters { get; }
    public long NonTrainableParameters { get; }
    public long TotalParameters => TrainableParameters + NonTrainableParameters;

    /// <summary>
    /// Runs <paramref name="model"/> once, in eval mode and without autograd, on zeros of shape
    /// (1, <paramref name="inputShape"/>) on the model's device, and records what each leaf layer
    /// (one that is called with <c>call</c>, so its hooks run) returns. The model's running statistics
    /// and its layers' train/eval modes are left as they were.
    /// </summary>
    /// <param name="inputShape">One example's shape, without the batch dimension: (1, 28, 28) for an MNIST image, (100) for a noise vector.</param>
    public static ModelSummary Of(nn.Module<Tensor, Tensor> model, params long[] inputShape)
    {
        if (inputShape.Length == 0 || inputShape.Any(d => d < 1))
            throw new ArgumentException($"inputShape must list one example's positive dimensions, got ({string.Join(", ", inputShape)})", nameof(inputShape));
        var tree = ModuleTree.PreOrder(model).ToList();
        var modes = tree.Select(entry => entry.Module.training).ToList();
        var rows = new List<ModelSummaryRow>();
        var hooks = new List<Action>();
        foreach (var (name, module) in tree)
        {
            if (module.named_children().Any() || module is not nn.Module<Tensor, Tensor> leaf) continue;
            var rowName = name.Length == 0 ? model.GetName() : name;
            var remover = leaf.register_forward_hook((layer, _, output) =>
            {
                rows.Add(new ModelSummaryRow(rowName, layer.GetType().Name, output.shape, Count(layer, recurse: false).Total));
                return output;
            });
            hooks.Add(remover.remove);
        }
        try
        {
            using var scope = NewDisposeScope();
            using var noGrad = no_grad();
            model.eval();
            var like = model.parameters().FirstOrDefault();
            var input = zeros([1, .. inputShape], like?.dtype ?? ScalarType.Float32, like?.device);
            model.call(input);
        }
        finally
        {
            foreach (var remove in hooks) remove();
            for (var i = 0; i < tree.Count; i++) tree[i].Module.train(modes[i]);
        }
        var (trainable, nonTrainable, _) = Count(model, recurse: true);
        return new ModelSummary(model.GetName(), rows, trainable, nonTrainable);
    }

    /// <summary>The layers as a table (layer, type, output shape, parameters), the totals in its title.</summary>
    public Table ToTable()
    {
        var table = new Table("Layer", "Type", "Output shape", "Params") { Title = Totals() };
        foreach (var row in Rows) table.AddRow(row.Name, row.Type, row.OutputShapeText, row.Parameters);
        return table;
    }

    /// <summary>"BultenGenerator: 2,394,241 params (2,368,705 trainable, 25,536 non-trainable)".</summary>
    public string Totals() => string.Format(CultureInfo.InvariantCulture,
        "{0}: {1:N0} params ({2:N0} trainable, {3:N0} non-trainable)", ModelName, TotalParameters, TrainableParameters, NonTrainableParameters);

    public override string ToString() => ToTable().ToString();

    private static (long Trainable, long NonTrainable, long Total) Count(nn.Module module, bool recurse)
    {
        long trainable = 0, nonTrainable = 0;
        foreach (var parameter in module.parameters(recurse))
        {
            if (parameter.requires_grad) trainable += parameter.numel();
            else nonTrainable += parameter.numel();
        }
        foreach (var buffer in module.buffers(recurse))
        {
            if (is_floating_point(buffer.dtype)) nonTrainable += buffer.numel();
        }
        return (trainable, nonTrainable, trainable + nonTrainable);
    }
}
