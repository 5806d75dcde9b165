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
    public static XmlScanner FromBytes(ReadOnlySpan<byte> bytes) => FromBytes(bytes, out _);

    /// <summary>Like <see cref="FromBytes(ReadOnlySpan{byte})"/>, and when the input is UTF-8, verbatim slices are copied from <paramref name="bytes"/> as they are instead of being encoded again.</summary>
    /// <param name="bytes">The file's bytes; the array must stay unchanged until the scanner is disposed.</param>
    /// <param name="length">How many bytes of <paramref name="bytes"/> the file has.</param>
    public static XmlScanner FromBytes(byte[] bytes, int length)
    {
        var scanner = FromBytes(bytes.AsSpan(0, length), out var utf8Start);
        if (utf8Start >= 0)
        {
            scanner._utf8 = bytes;
            scanner._utf8Base = utf8Start;
            scanner._utf8End = length;
            scanner._mapByte = utf8Start;
        }

        return scanner;
    }

    /// <summary>The byte offset in the UTF-8 input of a character index at a markup boundary (never inside a surrogate pair).</summary>
    /// <remarks>
    /// A cursor moves forward through both: runs of ASCII (nearly all of a BPMN file) map one to one and are found with a
    /// vectorized search on the bytes, so the whole mapping costs about one pass over the input however many slices are taken.
    /// </remarks>
    private int Utf8OffsetOf(int charIndex)
    {
        if (charIndex < _mapChar)
        {
            _mapChar = 0;
            _mapByte = _utf8Base;
            _nextWide = -1;
        }

        while (true)
        {
            if (_nextWide < 0)
            {
                var at = _utf8.AsSpan(_mapByte, _utf8End - _mapByte).IndexOfAnyExceptInRange((byte)0, (byte)0x7F);
                _nextWide = at < 0 ? int.MaxValue : _mapByte + at;
            }

            var wanted = charIndex - _mapChar;
            var ascii = _nextWide - _mapByte;
            if (ascii >= wanted)
            {
                _mapByte += wanted;
                _mapChar = charIndex;
                return _mapByte;
            }

            // Step over one non-ASCII character: its bytes, and one or two UTF-16 units (the text before _end is valid UTF-8).
            _mapByte += ascii;
            _mapChar += ascii;
            Rune.DecodeFromUtf8(_utf8.AsSpan(_mapByte, _utf8End - _mapByte), out var rune, out var consumed);
            _mapByte += consumed;
            _mapChar += rune.Utf16SequenceLength;
            _nextWide = -1;
        }
    }

    private static XmlScanner FromBytes(ReadOnlySpan<byte> bytes, out int utf8Start)
    {
        utf8Start = -1;
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
        if (status != OperationStatus.Done)
        {
            return new XmlScanner(buffer, written, pooled: true, written, "Invalid character in the given encoding.");
        }

        // Valid UTF-8 decodes to well-paired surrogates, so only the control characters and U+FFFE/U+FFFF that XML 1.0 §2.2
        // forbids remain to be found; on the bytes that is one vectorized search (EF BF starts U+FFC0..U+FFFF, which is rare
        // enough that a hit simply leaves the check to the scanner).
        var clean = IsFreeOfForbiddenCharacters(body);
        utf8Start = skip;
        return new XmlScanner(buffer, written, pooled: true, written, null, charsChecked: clean, hasCarriageReturn: body.Contains((byte)'\r'));
    }

    private static bool IsFreeOfForbiddenCharacters(ReadOnlySpan<byte> body)
    {
        // One search for both: a forbidden control byte fails at once; an EF that is not followed by BF starts some other
        // three-byte character (U+F000..U+FFBF), so the search goes on after it.
        while (true)
        {
            var at = body.IndexOfAny(InvalidControlBytesAndEF);
            if (at < 0)
            {
                return true;
            }

            if (body[at] != 0xEF || (at + 1 < body.Length && body[at + 1] == 0xBF))
            {
                return false;
            }

            body = body[(at + 1)..];
        }
    }

    private static readonly SearchValues<byte> InvalidControlBytesAndEF = SearchValues.Create(
        [0x00, 0x01, 0x02, 0x03, 0x04, 0x05, 0x06, 0x07, 0x08, 0x0B, 0x0C, 0x0E, 0x0F, 0x10, 0x11, 0x12, 0x13, 0x14, 0x15, 0x16, 0x17, 0x18, 0x19, 0x1A, 0x1B, 0x1C, 0x1D, 0x1E, 0x1F, 0xEF]);

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
