namespace TorchSharp.Modules;

public interface IParameterLessModule { }

/// <summary>A module without parameters or buffers (activations, reshapes): moves are no-ops and registration is refused.</summary>
public abstract class ParameterLessModule<T1, TResult> : torch.nn.Module<T1, TResult>, IParameterLessModule
{
    protected ParameterLessModule(string name) : base(name) { }

    protected internal override torch.nn.Module _to(torch.Device device, torch.ScalarType dtype, bool non_blocking) => this;
    protected internal override torch.nn.Module _to(DeviceType deviceType, int deviceIndex, bool non_blocking) => this;
    protected internal override torch.nn.Module _to(torch.ScalarType dtype, bool non_blocking) => this;

    public override void register_buffer(string name, torch.Tensor tensor, bool persistent = true) =>
        throw new InvalidOperationException("Cannot register a buffer on a module that has no state.");

    public override void register_parameter(string name, Parameter param) =>
        throw new InvalidOperationException("Cannot register a parameter on a module that has no state.");

    public override void register_module(string name, torch.nn.Module submodule) =>
        throw new InvalidOperationException("Cannot register a submodule on a module that has no state.");
}
