namespace TorchSharp;

public static partial class torch
{
    /// <summary>Where a tensor lives: a device type and, for CUDA, an index (-1: the current one).</summary>
    public class Device
    {
        public DeviceType type { get; }
        public int index { get; } = -1;

        /// <param name="description">"cpu", "cuda" or "cuda:1".</param>
        public Device(string description)
        {
            var parts = description.Split(':');
            if (parts.Length > 2 || !Enum.TryParse(parts[0], ignoreCase: true, out DeviceType parsed))
                throw new ArgumentException($"'{description}' is not a device: expected 'cpu', 'cuda' or 'cuda:N'.", nameof(description));
            type = parsed;
            if (parts.Length == 2) {
                if (!int.TryParse(parts[1], out var i) || i < 0)
                    throw new ArgumentException($"'{description}' has no valid device index.", nameof(description));
                index = i;
            }
        }

        public Device(string deviceType, int index = -1) : this(deviceType) => this.index = index;

        public Device(DeviceType deviceType, int index = -1)
        {
            type = deviceType;
            this.index = index;
        }

        public Device(int index) : this(DeviceType.CUDA, index) { }

        public override string ToString() =>
            type == DeviceType.CPU ? "cpu" : index == -1 ? type.ToString().ToLowerInvariant() : $"{type.ToString().ToLowerInvariant()}:{index}";

        public override bool Equals(object? obj) => obj is Device d && d.type == type && d.index == index;

        public override int GetHashCode() => HashCode.Combine(type, index);

        public static implicit operator Device(string description) => new(description);
    }

    private static Device? _cuda;

    public static readonly Device CPU = new(DeviceType.CPU);

    public static Device CUDA => _cuda ??= new Device(DeviceType.CUDA);

    public static Device device(string description) => new(description);

    public static Device device(string deviceType, int index = -1) => new(deviceType, index);

    public static Device device(DeviceType deviceType, int index = -1) => new(deviceType, index);

    public static Device device(int index) => new(DeviceType.CUDA, index);
}
