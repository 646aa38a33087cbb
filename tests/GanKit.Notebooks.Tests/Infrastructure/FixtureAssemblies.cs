using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace GanKit.Notebooks.Tests.Infrastructure;

/// <summary>
/// Compiles two small assemblies into a folder: Fixture.Greeting, which a notebook references with #r,
/// and Fixture.Words, a dependency it needs that sits next to it but is never named in the notebook.
/// </summary>
public static class FixtureAssemblies
{
    public static void Build(string folder)
    {
        var runtime = Path.GetDirectoryName(typeof(object).Assembly.Location)!;
        MetadataReference[] framework =
        [
            MetadataReference.CreateFromFile(typeof(object).Assembly.Location),
            MetadataReference.CreateFromFile(Path.Combine(runtime, "System.Runtime.dll")),
        ];
        var words = Compile(folder, "Fixture.Words", "namespace Fixture.Words; public static class Salutation { public static string Word => \"Hello\"; }", framework);
        Compile(folder, "Fixture.Greeting",
            "namespace Fixture.Greeting; public static class Greeter { public static string Greet(string name) => $\"{Fixture.Words.Salutation.Word}, {name}!\"; }",
            [.. framework, MetadataReference.CreateFromFile(words)]);
    }

    private static string Compile(string folder, string name, string source, MetadataReference[] references)
    {
        var compilation = CSharpCompilation.Create(
            name,
            [CSharpSyntaxTree.ParseText(source)],
            references,
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary));
        var path = Path.Combine(folder, name + ".dll");
        var result = compilation.Emit(path);
        Assert.True(result.Success, string.Join(Environment.NewLine, result.Diagnostics));
        return path;
    }
}
