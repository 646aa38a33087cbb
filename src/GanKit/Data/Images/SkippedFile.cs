namespace GanKit.Data.Images;

/// <summary>A file of an image folder that is not in the dataset, and why (its path relative to the folder, with '/').</summary>
public sealed record SkippedFile(string File, string Reason);
