using System.Runtime.InteropServices;

namespace AnatomyBot.Knowledge.Loading;

/// <summary>
/// What .NET's file APIs cannot tell on Unix: where a path really leads (every link resolved) and whether it is a
/// regular file. Opening a FIFO blocks until a writer appears and a device such as /dev/zero never ends, so the
/// loader asks before it opens anything. Elsewhere (Windows) the answers fall back to what .NET can see.
/// </summary>
internal static partial class FileSystemChecks
{
    private const int AtFdCwd = -100;
    private const uint StatxType = 0x1;
    private const ushort FileTypeMask = 0xF000; // S_IFMT
    private const ushort RegularFile = 0x8000;  // S_IFREG

    /// <summary>The canonical path with every link resolved, or null when it does not exist or cannot be resolved.</summary>
    public static string? RealPath(string path)
    {
        if (!OperatingSystem.IsLinux() && !OperatingSystem.IsMacOS() && !OperatingSystem.IsFreeBSD())
        {
            var full = Path.GetFullPath(path);
            var info = new FileInfo(full);
            if (info.LinkTarget is not null)
            {
                return info.ResolveLinkTarget(returnFinalTarget: true)?.FullName;
            }

            return info.Exists || Directory.Exists(full) ? full : null;
        }

        var resolved = Native.realpath(NullTerminatedUtf8(path), IntPtr.Zero);
        if (resolved == IntPtr.Zero)
        {
            return null;
        }

        try
        {
            return Marshal.PtrToStringUTF8(resolved);
        }
        finally
        {
            Native.free(resolved);
        }
    }

    /// <summary>True for a regular file, false for a FIFO, device, socket or directory; null when it cannot be told.</summary>
    public static bool? IsRegularFile(string path)
    {
        if (!OperatingSystem.IsLinux())
        {
            return File.Exists(path) ? null : false;
        }

        // statx's buffer has the same layout on every Linux architecture, unlike struct stat.
        if (Native.statx(AtFdCwd, NullTerminatedUtf8(path), 0, StatxType, out var status) != 0 || (status.Mask & StatxType) == 0)
        {
            return null;
        }

        return (status.Mode & FileTypeMask) == RegularFile;
    }

    /// <summary>True when <paramref name="path"/> is <paramref name="folder"/> itself or lies below it (both canonical).</summary>
    public static bool IsInside(string path, string folder)
    {
        var root = folder.EndsWith(Path.DirectorySeparatorChar) ? folder : folder + Path.DirectorySeparatorChar;
        return path.StartsWith(root, StringComparison.Ordinal) || path == folder;
    }

    // Paths go to libc as NUL-terminated UTF-8 bytes: blittable, so no string marshalling rules apply.
    private static byte[] NullTerminatedUtf8(string path) => System.Text.Encoding.UTF8.GetBytes(path + "\0");

    [StructLayout(LayoutKind.Explicit, Size = 256)]
    private struct StatxBuffer
    {
        [FieldOffset(0)]
        public uint Mask;

        [FieldOffset(28)]
        public ushort Mode;
    }

    private static class Native
    {
        [DllImport("libc", SetLastError = true)]
        public static extern IntPtr realpath(byte[] path, IntPtr resolved);

        [DllImport("libc")]
        public static extern void free(IntPtr pointer);

        [DllImport("libc", SetLastError = true)]
        public static extern int statx(int directory, byte[] path, int flags, uint mask, out StatxBuffer buffer);
    }
}
