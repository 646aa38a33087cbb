using System.Text;
using GanKit.Notebooks.Model;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace GanKit.Notebooks.Export;

/// <summary>
/// Turns a notebook into a .NET 10 file-based app (<c>dotnet run app.cs</c>): a <c>#:project</c> directive
/// to the helpers project, the cells' code in order with markdown as comments, and <c>display</c> bound to
/// <c>GanKit.Display.Hosting.AppKernel</c>, which saves displayed figures to files. A program is stricter
/// than a script session, so using directives move to the top, type declarations to the end, and a cell's
/// trailing expression becomes a display call. A script a cell <c>#load</c>s (the notebooks' <c>gankit.csx</c>)
/// contributes its <c>global using</c> lines as the app's usings; its <c>#r</c> is the project's job.
/// </summary>
public static class AppExporter
{
    private static readonly CSharpParseOptions ScriptParsing = new(LanguageVersion.Latest, kind: SourceCodeKind.Script);

    /// <param name="notebook">The notebook to export.</param>
    /// <param name="notebookPath">Where the notebook lies: its name heads the app, and <c>#load</c> paths are relative to its folder.</param>
    /// <param name="appPath">Where the app will be written; relative paths in it are relative to its folder.</param>
    /// <param name="projectPath">The project the app references (the helpers project).</param>
    public static string Export(Notebook notebook, string notebookPath, string appPath, string projectPath)
    {
        var notebookName = Path.GetFileName(notebookPath);
        var notebookFolder = Path.GetDirectoryName(Path.GetFullPath(notebookPath))!;
        var appFolder = Path.GetDirectoryName(Path.GetFullPath(appPath))!;
        var project = Path.GetRelativePath(appFolder, Path.GetFullPath(projectPath)).Replace('\\', '/');
        var figures = Path.GetFileNameWithoutExtension(appPath) + "-figures";

        var usings = new List<string> { "using System.Collections;", "using System.Text;", "using GanKit.Display.Hosting;", "using static GanKit.Display.Hosting.AppKernel;" };
        var body = new StringBuilder();
        var types = new StringBuilder();
        for (var i = 0; i < notebook.Cells.Count; i++)
        {
            var cell = notebook.Cells[i];
            body.Append("\n// ---- cell ").Append(i + 1).Append(cell.Id is null ? "" : $" (id {cell.Id})").Append(" ----\n");
            if (cell.IsCode)
            {
                ExportCode(cell.Source, notebookFolder, usings, body, types);
            }
            else
            {
                foreach (var line in cell.Source.Split('\n'))
                {
                    body.Append("//").Append(line.Length == 0 ? "" : " " + line.TrimEnd('\r')).Append('\n');
                }
            }
        }

        var app = new StringBuilder();
        app.Append("#:project ").Append(project).Append('\n');
        app.Append("#:property PublishAot=false\n");
        app.Append("// Exported from ").Append(notebookName).Append(" by `gankit-nb export --to app`. Run it with `dotnet run ")
            .Append(Path.GetFileName(appPath)).Append("`;\n// figures the notebook displays are saved to ").Append(figures).Append("/ next to this file.\n\n");
        foreach (var line in usings.Distinct())
        {
            app.Append(line).Append('\n');
        }

        app.Append("\nAppKernel.OutputFolder = Path.Combine(AppContext.GetData(\"EntryPointFileDirectoryPath\") as string ?? \".\", \"")
            .Append(figures).Append("\");\n");
        app.Append(body);
        if (types.Length > 0)
        {
            app.Append("\n// ---- types declared in the notebook ----\n").Append(types);
        }

        return app.ToString();
    }

    private static void ExportCode(string source, string folder, List<string> usings, StringBuilder body, StringBuilder types)
    {
        foreach (var loaded in LoadedScripts(source, folder))
        {
            usings.AddRange(GlobalUsingsOf(loaded));
        }

        var root = (CompilationUnitSyntax)CSharpSyntaxTree.ParseText(CommentOutDirectives(source), ScriptParsing).GetRoot();
        usings.AddRange(root.Usings.Select(u => u.ToString().Trim()));
        if (root.Usings.Count > 0)
        {
            // Comments above the cell's usings (such as the commented-out #r) stay with the cell.
            body.Append(root.Usings[0].GetLeadingTrivia().ToFullString());
        }

        for (var i = 0; i < root.Members.Count; i++)
        {
            var member = root.Members[i];
            if (member is BaseTypeDeclarationSyntax or DelegateDeclarationSyntax)
            {
                types.Append(member.ToFullString().TrimEnd()).Append('\n');
            }
            else if (i == root.Members.Count - 1 && member is GlobalStatementSyntax { Statement: ExpressionStatementSyntax { SemicolonToken.IsMissing: true } trailing })
            {
                body.Append(member.GetLeadingTrivia().ToFullString()).Append(DisplayCall(trailing.Expression)).Append(";\n");
            }
            else
            {
                body.Append(member.ToFullString());
            }
        }

        body.Append(root.EndOfFileToken.LeadingTrivia.ToFullString());
        if (body.Length > 0 && body[^1] != '\n')
        {
            body.Append('\n');
        }
    }

    // The cell's value is what the notebook showed; in the app it is displayed the same way.
    private static string DisplayCall(ExpressionSyntax expression) =>
        expression is InvocationExpressionSyntax { Expression: IdentifierNameSyntax { Identifier.Text: "display" } }
            ? expression.ToString()
            : $"display({expression})";

    private static IEnumerable<string> LoadedScripts(string source, string folder) =>
        source.Split('\n').Select(line => line.Trim()).Where(line => line.StartsWith("#load ", StringComparison.Ordinal))
            .Select(line => Path.GetFullPath(Path.Combine(folder, line["#load ".Length..].Trim().Trim('"'))));

    // A loaded script's plain usings stay inside it (the kernel's rule); its global usings reach every later cell.
    private static IEnumerable<string> GlobalUsingsOf(string script)
    {
        if (!File.Exists(script))
        {
            throw new IOException($"the notebook #loads {script}, which does not exist");
        }

        var source = File.ReadAllText(script);
        var root = (CompilationUnitSyntax)CSharpSyntaxTree.ParseText(CommentOutDirectives(source), ScriptParsing).GetRoot();
        var own = root.Usings.Where(u => u.GlobalKeyword.IsKind(SyntaxKind.GlobalKeyword))
            .Select(u => u.WithGlobalKeyword(default).WithoutTrivia().ToString().Trim());
        return LoadedScripts(source, Path.GetDirectoryName(script)!).SelectMany(GlobalUsingsOf).Concat(own);
    }

    // #r and #load belong to script sessions; the app gets its references from #:project instead.
    private static string CommentOutDirectives(string source) => string.Join('\n', source.Split('\n').Select(line =>
    {
        var trimmed = line.TrimStart();
        return trimmed.StartsWith("#r ", StringComparison.Ordinal) || trimmed.StartsWith("#load ", StringComparison.Ordinal) || trimmed.StartsWith("#!", StringComparison.Ordinal)
            ? "// (notebook only) " + trimmed
            : line;
    }));
}
