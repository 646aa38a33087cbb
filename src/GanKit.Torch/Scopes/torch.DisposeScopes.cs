namespace TorchSharp;

public static partial class torch
{
    /// <summary>Opens a scope that disposes every tensor created on this thread until it is disposed.</summary>
    public static DisposeScope NewDisposeScope() => DisposeScopeManager.ThreadSingleton.NewDisposeScope();

    /// <summary>Runs <paramref name="expr"/> in a fresh scope and keeps only its result.</summary>
    public static Tensor WrappedTensorDisposeScope(Func<Tensor> expr)
    {
        using var scope = NewDisposeScope();
        return expr().MoveToOuterDisposeScope();
    }
}
