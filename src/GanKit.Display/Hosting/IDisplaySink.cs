namespace GanKit.Display.Hosting;

/// <summary>Where displayed values go: a notebook cell's output, the console, or files.</summary>
public interface IDisplaySink
{
    /// <summary>Shows a value as a new output and returns a handle that replaces it in place.</summary>
    IDisplayHandle Show(object value);
}

/// <summary>One displayed output that can be replaced, like the kernel's DisplayedValue.</summary>
public interface IDisplayHandle
{
    void Update(object value);
}
