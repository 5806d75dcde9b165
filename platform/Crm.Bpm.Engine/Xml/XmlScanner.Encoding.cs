using System.Buffers;
using System.Text;
using System.Text.Unicode;

namespace Crm.Bpm.Engine.Xml;

/// <summary>Turning a file's bytes into text for the scanner: UTF-8 on the fast path, a byte order mark or an encoding declaration otherwise.</summary>
internal sealed partial class XmlScanner
{
    /// <summary>Decodes <paramref name="bytes"/> into a pooled buffer (returned by <see cref="Dispose"/>) and makes a scanner over it.</summary>
    /// <remarks>
    /// XML 1.0 §4.3.3 and Appendix F: a byte order mark names UTF-8 or UTF-16; without one, the declaration's encoding
    /// applies, and UTF-8 is the default. Bytes that are not valid in the encoding end the usable text there, and the
    /// scanner reports them when it reaches them, as it does for any other fault.
    /// </remarks>
    public static XmlScanner FromBytes(ReadOnlySpan<byte> bytes)
    {
        Encoding? encoding = null;
        var skip = 0;
        if (bytes.StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF]))
        {
            skip = 3;
        }
        else if (bytes.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xFE]) || bytes.StartsWith((ReadOnlySpan<byte>)[0x3C, 0x00, 0x3F, 0x00]))
        {
            encoding = Encoding.Unicode;
        }
        else if (bytes.StartsWith((ReadOnlySpan<byte>)[0xFE, 0xFF]) || bytes.StartsWith((ReadOnlySpan<byte>)[0x00, 0x3C, 0x00, 0x3F]))
        {
            encoding = Encoding.BigEndianUnicode;
        }
        else
        {
            var declared = DeclaredEncoding(bytes);
            if (declared is not null && !declared.Equals("utf-8", StringComparison.OrdinalIgnoreCase) && !declared.Equals("utf8", StringComparison.OrdinalIgnoreCase))
            {
                if (declared.StartsWith("utf-16", StringComparison.OrdinalIgnoreCase) || declared.Equals("unicode", StringComparison.OrdinalIgnoreCase))
                {
                    return Failed("There is no Unicode byte order mark. Cannot switch to Unicode.");
                }

                try
                {
                    encoding = Encoding.GetEncoding(declared, EncoderFallback.ExceptionFallback, DecoderFallback.ExceptionFallback);
                }
                catch (ArgumentException)
                {
                    return Failed($"System does not support '{declared}' encoding.");
                }
            }
        }

        if (encoding is not null)
        {
            // Rare encodings: correctness over speed, the whole input is decoded to one string.
            string text;
            try
            {
                text = encoding.GetString(bytes);
            }
            catch (DecoderFallbackException)
            {
                return Failed("Invalid character in the given encoding.");
            }

            return FromText(text);
        }

        var body = bytes[skip..];
        var buffer = ArrayPool<char>.Shared.Rent(Math.Max(body.Length, 1));
        var status = Utf8.ToUtf16(body, buffer, out _, out var written, replaceInvalidSequences: false);
        return status == OperationStatus.Done
            ? new XmlScanner(buffer, written, pooled: true, written, null)
            : new XmlScanner(buffer, written, pooled: true, written, "Invalid character in the given encoding.");
    }

    private static XmlScanner Failed(string message) => new([], 0, pooled: false, 0, message);

    /// <summary>The <c>encoding</c> of an XML declaration at the very start of ASCII-compatible bytes, or null.</summary>
    private static string? DeclaredEncoding(ReadOnlySpan<byte> bytes)
    {
        if (!bytes.StartsWith("<?xml"u8))
        {
            return null;
        }

        var head = bytes[..Math.Min(bytes.Length, 512)];
        var end = head.IndexOf("?>"u8);
        if (end < 0)
        {
            return null;
        }

        var declaration = Encoding.Latin1.GetString(head[..end]);
        var at = declaration.IndexOf("encoding", StringComparison.Ordinal);
        if (at < 0)
        {
            return null;
        }

        var rest = declaration.AsSpan(at + 8).TrimStart(" \t\r\n");
        if (rest.Length < 2 || rest[0] != '=')
        {
            return null;
        }

        rest = rest[1..].TrimStart(" \t\r\n");
        if (rest.Length < 2 || rest[0] is not ('"' or '\''))
        {
            return null;
        }

        var close = rest[1..].IndexOf(rest[0]);
        return close <= 0 ? null : rest.Slice(1, close).ToString();
    }
}
