using GanKit.Notebooks.Export;
using GanKit.Notebooks.Model;

namespace GanKit.Notebooks.Tests.Export;

public sealed class AppExporterTests
{
    private static string Export(params NotebookCell[] cells) =>
        AppExporter.Export(new Notebook(new(), cells), "demo.ipynb", "/repo/notebooks/demo.cs", "/repo/src/GanKit/GanKit.csproj");

    [Fact]
    public void The_app_references_the_project_relative_to_itself_and_binds_display_to_files()
    {
        var app = Export(NotebookCell.Code("var x = 1;"));

        Assert.StartsWith("#:project ../src/GanKit/GanKit.csproj\n", app);
        Assert.Contains("using static GanKit.Display.Hosting.AppKernel;", app);
        Assert.Contains("\"demo-figures\"", app);
    }

    [Fact]
    public void Markdown_becomes_comments_and_script_directives_are_commented_out()
    {
        var app = Export(NotebookCell.Markdown("# Title\nSome *text*"), NotebookCell.Code("#r \"../build/GanKit.dll\"\nvar x = 1;"));

        Assert.Contains("// # Title\n// Some *text*\n", app);
        Assert.Contains("// (notebook only) #r \"../build/GanKit.dll\"", app);
        Assert.Contains("var x = 1;", app);
    }

    [Fact]
    public void Usings_move_to_the_top_types_to_the_end_and_trailing_values_are_displayed()
    {
        var app = Export(
            NotebookCell.Code("using System.Globalization;\nrecord Point(double X, double Y);\nvar p = new Point(1, 2);"),
            NotebookCell.Code("p.X + p.Y"),
            NotebookCell.Code("display(p)"));

        var usingAt = app.IndexOf("using System.Globalization;", StringComparison.Ordinal);
        var statementAt = app.IndexOf("var p = new Point(1, 2);", StringComparison.Ordinal);
        var typeAt = app.IndexOf("record Point(double X, double Y);", StringComparison.Ordinal);
        Assert.True(usingAt >= 0 && usingAt < statementAt && statementAt < typeAt, app);
        Assert.Contains("display(p.X + p.Y);", app);
        Assert.Contains("display(p);", app);
        Assert.DoesNotContain("display(display(p))", app);
    }

    [Fact]
    public void A_loaded_scripts_global_usings_become_the_apps_usings_and_its_own_directives_stay_behind()
    {
        var folder = Directory.CreateTempSubdirectory("gankit-export-").FullName;
        try
        {
            Directory.CreateDirectory(Path.Combine(folder, "shared"));
            File.WriteAllText(Path.Combine(folder, "shared", "base.csx"), "global using System.Globalization;\n");
            File.WriteAllText(Path.Combine(folder, "setup.csx"),
                "#r \"../build/GanKit.dll\"\n#load \"shared/base.csx\"\nusing System.Text.Json;\nglobal using GanKit.Data;\nglobal using static System.Math;\n");
            var notebook = new Notebook(new(), [NotebookCell.Code("#load \"setup.csx\"\nvar x = Sqrt(4);")]);

            var app = AppExporter.Export(notebook, Path.Combine(folder, "demo.ipynb"), Path.Combine(folder, "demo.cs"), Path.Combine(folder, "GanKit.csproj"));

            var header = app[..app.IndexOf("AppKernel.OutputFolder", StringComparison.Ordinal)];
            Assert.Contains("\nusing GanKit.Data;\n", header);
            Assert.Contains("\nusing static System.Math;\n", header);
            Assert.Contains("\nusing System.Globalization;\n", header);
            Assert.DoesNotContain("System.Text.Json", app);
            Assert.DoesNotContain("global using", app);
            Assert.Contains("// (notebook only) #load \"setup.csx\"", app);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [Fact]
    public void A_missing_loaded_script_is_named_in_the_error()
    {
        var notebook = new Notebook(new(), [NotebookCell.Code("#load \"nowhere.csx\"")]);

        var error = Assert.Throws<IOException>(() => AppExporter.Export(notebook, "/repo/notebooks/demo.ipynb", "/repo/notebooks/demo.cs", "/repo/src/GanKit/GanKit.csproj"));

        Assert.Contains("/repo/notebooks/nowhere.csx", error.Message);
    }
}
