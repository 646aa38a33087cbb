using System.Reflection;

namespace GanKit.Tracking;

/// <summary>Turns settings records into the flat name → value parameters a run is compared by.</summary>
public static class RunParameters
{
    /// <summary>
    /// The public properties of <paramref name="settings"/> (a record such as a trainer's options), nested records
    /// flattened with dotted names ("OptimizerD.LearningRate"); numbers, strings, booleans and enums are kept.
    /// </summary>
    public static Dictionary<string, object?> Of(object settings, string? prefix = null)
    {
        ArgumentNullException.ThrowIfNull(settings);
        var parameters = new Dictionary<string, object?>();
        Add(parameters, settings, prefix);
        return parameters;
    }

    /// <summary>These parameters and <paramref name="more"/> (later names win), for settings that live outside a record.</summary>
    public static Dictionary<string, object?> With(this Dictionary<string, object?> parameters, IReadOnlyDictionary<string, object?> more)
    {
        foreach (var (name, value) in more)
        {
            parameters[name] = value;
        }

        return parameters;
    }

    private static void Add(Dictionary<string, object?> parameters, object settings, string? prefix)
    {
        foreach (var property in settings.GetType().GetProperties(BindingFlags.Public | BindingFlags.Instance))
        {
            if (property.GetIndexParameters().Length > 0 || property.Name == "EqualityContract")
            {
                continue;
            }

            var name = prefix is null ? property.Name : $"{prefix}.{property.Name}";
            var value = property.GetValue(settings);
            if (value is null || IsPlain(value.GetType()))
            {
                parameters[name] = value is Enum ? value.ToString() : value;
            }
            else if (value.GetType().IsClass)
            {
                Add(parameters, value, name);
            }
        }
    }

    private static bool IsPlain(Type type)
    {
        type = Nullable.GetUnderlyingType(type) ?? type;
        return type.IsPrimitive || type.IsEnum || type == typeof(string) || type == typeof(decimal);
    }
}
