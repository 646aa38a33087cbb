namespace GanKit.Cli.Metrics;

/// <summary>The inputs of <c>gankit metrics</c> cannot be used: the message says which and why, for the user.</summary>
public sealed class MetricsInputException(string message, Exception? inner = null) : Exception(message, inner);
