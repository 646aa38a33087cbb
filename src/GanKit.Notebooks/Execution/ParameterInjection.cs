using System.Globalization;
using System.Text;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Scripting;

namespace GanKit.Notebooks.Execution;

/// <summary>
/// Papermill-style parameters: values from the command line become assignments in a cell tagged
/// <c>injected-parameters</c>, run right after the cell tagged <c>parameters</c>. Each value is converted
/// to the type the parameters cell declared, so <c>-p lr=0.001</c> works for a float and a double alike.
/// </summary>
internal static class ParameterInjection
{
    public const string ParametersTag = "parameters";
    public const string InjectedTag = "injected-parameters";

    /// <summary>The injected cell's source for <paramref name="parameters"/> given the declared variables.</summary>
    public static string Source(IReadOnlyDictionary<string, string> parameters, IReadOnlyList<ScriptVariable> variables)
    {
        var source = new StringBuilder("// Parameters injected by gankit-nb\n");
        foreach (var (name, text) in parameters)
        {
            var variable = variables.LastOrDefault(v => v.Name == name)
                ?? throw new ParameterException($"Parameter '{name}' is not declared in the cell tagged '{ParametersTag}'.");
            source.Append(name).Append(" = ").Append(Literal(name, text, variable.Type)).Append(";\n");
        }

        return source.ToString();
    }

    /// <summary>
    /// A notebook's smoke parameters (<c>metadata.gankit.smoke_parameters</c>, name → value: the settings
    /// of a quick run, such as one epoch) overlaid by <paramref name="given"/>, which win.
    /// </summary>
    public static IReadOnlyDictionary<string, string> WithSmokeParameters(Model.Notebook notebook, IReadOnlyDictionary<string, string> given)
    {
        var merged = new Dictionary<string, string>(StringComparer.Ordinal);
        if (notebook.Metadata["gankit"]?["smoke_parameters"] is System.Text.Json.Nodes.JsonObject smoke)
        {
            foreach (var (name, value) in smoke)
            {
                merged[name] = value?.ToString() ?? throw new ParameterException($"Smoke parameter '{name}' has no value.");
            }
        }

        foreach (var (name, value) in given)
        {
            merged[name] = value;
        }

        return merged;
    }

    /// <summary>Parses <c>name=value</c> pairs from the command line.</summary>
    public static IReadOnlyDictionary<string, string> Parse(IEnumerable<string> pairs)
    {
        var parameters = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var pair in pairs)
        {
            var equals = pair.IndexOf('=');
            var name = equals > 0 ? pair[..equals].Trim() : "";
            if (!SyntaxFacts.IsValidIdentifier(name))
            {
                throw new ParameterException($"Parameter '{pair}' is not of the form name=value.");
            }

            parameters[name] = pair[(equals + 1)..];
        }

        return parameters;
    }

    private static string Literal(string name, string text, Type type)
    {
        var invariant = CultureInfo.InvariantCulture;
        try
        {
            return Type.GetTypeCode(type) switch
            {
                TypeCode.String => SymbolDisplay.FormatLiteral(text, quote: true),
                TypeCode.Boolean => bool.Parse(text) ? "true" : "false",
                TypeCode.Int32 => int.Parse(text, invariant).ToString(invariant),
                TypeCode.Int64 => long.Parse(text, invariant).ToString(invariant) + "L",
                TypeCode.Single => Real(float.Parse(text, invariant).ToString("R", invariant)) + "f",
                TypeCode.Double => Real(double.Parse(text, invariant).ToString("R", invariant)) + "d",
                TypeCode.Decimal => decimal.Parse(text, invariant).ToString(invariant) + "m",
                _ => throw new ParameterException(
                    $"Parameter '{name}' is declared as {type.Name}; only string, bool, int, long, float, double and decimal parameters can be set."),
            };
        }
        catch (FormatException)
        {
            throw new ParameterException($"Parameter '{name}' expects a {type.Name}, but got '{text}'.");
        }
        catch (OverflowException)
        {
            throw new ParameterException($"Parameter '{name}' = '{text}' does not fit in a {type.Name}.");
        }
    }

    // "R" writes infinities as symbols C# cannot parse back.
    private static string Real(string roundTrip) =>
        roundTrip.Any(char.IsDigit) ? roundTrip : throw new FormatException();
}

/// <summary>A parameter that cannot be injected: unknown, malformed or of an unsupported type.</summary>
public sealed class ParameterException(string message) : Exception(message);
