using System.Text;
using Crm.Bpm.Engine.Model;

namespace Crm.Bpm.Engine.Xml;

/// <summary>Finds the line and column of a marker in the source, for the few XML errors that come without a position.</summary>
internal static class SourceLocator
{
    // A DOCTYPE can only stand before the root element, so the head of the file is enough.
    private const int HeadLength = 64 * 1024;

    public static SourcePosition Find(string text, string marker)
    {
        var index = text.IndexOf(marker, StringComparison.Ordinal);
        return index < 0 ? SourcePosition.None : PositionOf(text, index);
    }

    public static SourcePosition Find(Stream stream, long start, string marker)
    {
        try
        {
            stream.Position = start;
            var buffer = new byte[HeadLength];
            var length = stream.ReadAtLeast(buffer, buffer.Length, throwOnEndOfStream: false);

            // Latin-1 maps every byte to one char, so ASCII markers and line breaks are found in any ASCII-compatible encoding.
            return Find(Encoding.Latin1.GetString(buffer, 0, length), marker);
        }
        catch (Exception e) when (e is IOException or NotSupportedException or ObjectDisposedException)
        {
            return SourcePosition.None;
        }
    }

    private static SourcePosition PositionOf(string text, int index)
    {
        var line = 1;
        var lineStart = 0;
        for (var i = 0; i < index; i++)
        {
            if (text[i] == '\n')
            {
                line++;
                lineStart = i + 1;
            }
        }

        return new SourcePosition(line, index - lineStart + 1);
    }
}
