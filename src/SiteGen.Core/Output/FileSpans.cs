using System.Runtime.InteropServices;
using Microsoft.Win32.SafeHandles;

namespace SiteGen.Output;

/// <summary>Copies a span of one file to the end of a stream: in the kernel (copy_file_range) where it can, else through a buffer.</summary>
internal static class FileSpans
{
    [DllImport("libc", SetLastError = true, EntryPoint = "copy_file_range")]
    private static extern nint CopyFileRange(int input, ref long inputOffset, int output, ref long outputOffset, nuint length, uint flags);

    public static void Copy(SafeFileHandle source, long start, long length, Stream destination)
    {
        var done = destination is FileStream file && OperatingSystem.IsLinux() ? InKernel(source, start, length, file) : 0;
        if (done < length) Buffered(source, start + done, length - done, destination);
    }

    /// <summary>Copies what the kernel will; returns how much that was (0 where copy_file_range is missing or refuses).</summary>
    private static long InKernel(SafeFileHandle source, long start, long length, FileStream destination)
    {
        destination.Flush();
        var outputStart = destination.Position;
        long input = start, output = outputStart;
        while (input < start + length)
        {
            var copied = CopyFileRange((int)source.DangerousGetHandle(), ref input, (int)destination.SafeFileHandle.DangerousGetHandle(),
                ref output, (nuint)Math.Min(start + length - input, 1L << 30), 0);
            if (copied <= 0) break;
        }
        destination.Seek(outputStart + (input - start), SeekOrigin.Begin);
        return input - start;
    }

    private static void Buffered(SafeFileHandle source, long start, long length, Stream destination)
    {
        var buffer = new byte[1 << 20];
        for (var at = start; at < start + length;)
        {
            var read = RandomAccess.Read(source, buffer.AsSpan(0, (int)Math.Min(buffer.Length, start + length - at)), at);
            if (read <= 0) throw new IOException("the earlier zip ended early");
            destination.Write(buffer, 0, read);
            at += read;
        }
    }
}
