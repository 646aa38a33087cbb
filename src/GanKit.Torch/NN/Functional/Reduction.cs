namespace TorchSharp;

public static partial class torch
{
    public static partial class nn
    {
        /// <summary>How a loss combines its per-element values; the numbers are aten's reduction codes.</summary>
        public enum Reduction : long
        {
            None = 0,
            Mean = 1,
            Sum = 2
        }
    }
}
