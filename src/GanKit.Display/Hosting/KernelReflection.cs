namespace GanKit.Display.Hosting;

/// <summary>Finds kernel types by full name among the loaded assemblies.</summary>
internal static class KernelReflection
{
    public static Type? FindType(string fullName)
    {
        foreach (var assembly in AppDomain.CurrentDomain.GetAssemblies())
        {
            if (assembly.IsDynamic)
            {
                continue;
            }

            if (assembly.GetType(fullName, throwOnError: false) is { } type)
            {
                return type;
            }
        }

        return null;
    }
}
