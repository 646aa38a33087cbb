using System.Text;

namespace GanKit.Notebooks.Execution;

/// <summary>
/// Writes a file through a temporary sibling and a rename, so readers never see a partial file. (The runner
/// deliberately does not reference GanKit.Display, whose copy notebooks load themselves with #r.)
/// </summary>
internal static class AtomicWrite
{
    public static void Text(string path, string content)
    {
        var fullPath = Path.GetFullPath(path);
        var folder = Path.GetDirectoryName(fullPath)!;
        Directory.CreateDirectory(folder);
        var temporary = Path.Combine(folder, $".{Path.GetFileName(fullPath)}.{Guid.NewGuid():N}.tmp");
        try
        {
            File.WriteAllText(temporary, content, new UTF8Encoding(encoderShouldEmitUTF8Identifier: false));
            File.Move(temporary, fullPath, overwrite: true);
        }
        finally
        {
            File.Delete(temporary);
        }
    }
}
