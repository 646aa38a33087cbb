using System.Globalization;
using System.Net;

namespace TorchSharp;

public static partial class torch
{
    public static partial class utils
    {
        public static partial class tensorboard
        {
            /// <summary>
            /// A writer of TensorBoard event files in <paramref name="log_dir"/>; open them with
            /// <c>tensorboard --logdir runs</c>.
            /// </summary>
            /// <param name="log_dir">The run's folder; null or empty means runs/{month}{day}_{h}-{m}-{s}_{host}, new for each run.</param>
            /// <param name="filename_suffix">Appended to the event file's name after a dot.</param>
            /// <param name="createRunName">Also put the run in a time-named subfolder of a given <paramref name="log_dir"/>.</param>
            public static Modules.SummaryWriter SummaryWriter(string? log_dir = null, string? filename_suffix = null, bool createRunName = false)
            {
                if (createRunName && !string.IsNullOrEmpty(log_dir)) log_dir = CreateRunName(log_dir);
                return new Modules.SummaryWriter(log_dir, filename_suffix);
            }

            /// <summary>
            /// TorchSharp's run folder name under <paramref name="log_dir"/>: local time as "Nov21_9-3-7"
            /// (invariant month abbreviation, no zero padding), then the host name.
            /// </summary>
            internal static string CreateRunName(string log_dir)
            {
                var now = DateTime.Now;
                var month = CultureInfo.InvariantCulture.DateTimeFormat.AbbreviatedMonthNames[now.Month - 1];
                return Path.Combine(log_dir, $"{month}{now.Day}_{now.Hour}-{now.Minute}-{now.Second}_{Dns.GetHostName()}");
            }
        }
    }
}
