namespace GanKit.Notebooks.Formatting;

/// <summary>One value rendered to several MIME types, richest first (MIME type → text or base64).</summary>
internal sealed class MimeBundle(IReadOnlyList<KeyValuePair<string, string>> entries) : IEnumerable<KeyValuePair<string, string>>
{
    public IReadOnlyList<KeyValuePair<string, string>> Entries { get; } = entries;

    public string? this[string mimeType] => Entries.FirstOrDefault(e => e.Key == mimeType).Value;

    public IEnumerator<KeyValuePair<string, string>> GetEnumerator() => Entries.GetEnumerator();

    System.Collections.IEnumerator System.Collections.IEnumerable.GetEnumerator() => GetEnumerator();
}
