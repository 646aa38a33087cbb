using System.Text;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Scripting;
using Microsoft.CodeAnalysis.Scripting;

namespace GanKit.Notebooks.Execution;

/// <summary>
/// One chain of Roslyn script submissions, set up like the Polyglot C# kernel: the kernel's default
/// usings, the latest language version, <c>using static Microsoft.DotNet.Interactive.Kernel;</c> submitted
/// first, and <c>#r</c>/<c>#load</c> paths resolved against the notebook's folder.
/// </summary>
internal sealed class ScriptSession
{
    /// <summary>The namespaces the Polyglot C# kernel imports by default.</summary>
    public static readonly string[] DefaultImports =
        ["System", "System.Text", "System.Collections", "System.Collections.Generic", "System.Threading.Tasks", "System.Linq"];

    private const string KernelHelpers = "using static Microsoft.DotNet.Interactive.Kernel;";

    private readonly string _folder;
    private readonly ScriptOptions _options;
    private ScriptState<object>? _state;

    public ScriptSession(string notebookFolder)
    {
        _folder = Path.GetFullPath(notebookFolder);
        _options = ScriptOptions.Default
            .WithLanguageVersion(LanguageVersion.Latest)
            .WithImports(DefaultImports)
            .AddReferences(typeof(Microsoft.DotNet.Interactive.Kernel).Assembly)
            .WithMetadataResolver(ScriptMetadataResolver.Default.WithBaseDirectory(_folder).WithSearchPaths(_folder))
            .WithSourceResolver(new SourceFileResolver([], _folder))
            .WithEmitDebugInformation(true)
            .WithFileEncoding(Encoding.UTF8);
    }

    /// <summary>The script's variables so far, latest declaration last.</summary>
    public IReadOnlyList<ScriptVariable> Variables => _state?.Variables ?? [];

    /// <summary>Runs one cell's code as the next submission; returns the value of its trailing expression.</summary>
    public async Task<object?> RunAsync(string code, int cellNumber, CancellationToken cancellationToken)
    {
        // A bare file name: stack traces read "in cell-3.csx:line 2" on every machine, and relative #r and
        // #load paths fall back to the resolvers' base directory, the notebook's folder.
        var options = _options.WithFilePath($"cell-{cellNumber}.csx");
        _state ??= await CSharpScript.RunAsync(KernelHelpers, options, cancellationToken: cancellationToken).ConfigureAwait(false);
        _state = await _state.ContinueWithAsync(code, options, cancellationToken).ConfigureAwait(false);
        return _state.ReturnValue;
    }
}
