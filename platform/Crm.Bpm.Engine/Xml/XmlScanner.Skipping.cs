using System.Buffers;
using System.Numerics;
using System.Runtime.CompilerServices;

namespace Crm.Bpm.Engine.Xml;

/// <summary>The lean path for start tags inside a skipped or verbatim subtree: it checks them without setting up anything a caller would read.</summary>
/// <remarks>
/// Nothing inside a skipped subtree is reported, so a start tag there needs only its well-formedness checked and its
/// element opened. The lean path does that for the usual tag (ASCII names, quoted values, no namespace declarations, no
/// <c>xml:space</c>) without recording attribute strings or namespaces. Anything else, and every fault, goes back to the
/// start of the tag and through <see cref="ReadStartTag"/>, so faults are reported by one piece of code, with the same
/// message, line and column as before.
/// </remarks>
internal sealed partial class XmlScanner
{
    private static readonly SearchValues<char> DoubleQuotedSkipStops = SearchValues.Create("\"<&");
    private static readonly SearchValues<char> SingleQuotedSkipStops = SearchValues.Create("'<&");

    // For each attribute of the tag being checked: where its name starts, how long it is, and where its colon is (-1 for none).
    private int[] _skipNames = new int[32];

    /// <summary>At <c>&lt;</c> of a start tag inside a skipped subtree: checks and opens the element; false, with nothing moved, when the tag needs <see cref="ReadStartTag"/>.</summary>
    private bool TrySkipStartTag()
    {
        var s = new ReadOnlySpan<char>(_chars, 0, _end);
        var tagStart = _pos;
        var nameStart = tagStart + 1;
        var (p, colon) = ScanAsciiQName(s, nameStart);
        if (p < 0)
        {
            return false;
        }

        var nameLength = p - nameStart;
        var count = 0;
        var names = _skipNames;
        bool empty;
        while (true)
        {
            // White space before each attribute, and optionally before the end of the tag (XML 1.0 §3.1 [40], [44]).
            var spaceStart = p;
            while ((uint)p < (uint)s.Length && s[p] is ' ' or '\n' or '\t' or '\r')
            {
                p++;
            }

            if ((uint)p >= (uint)s.Length)
            {
                return false;
            }

            var c = s[p];
            if (c == '>')
            {
                p++;
                empty = false;
                break;
            }

            if (c == '/')
            {
                if ((uint)(p + 1) >= (uint)s.Length || s[p + 1] != '>')
                {
                    return false;
                }

                p += 2;
                empty = true;
                break;
            }

            if (p == spaceStart)
            {
                return false;
            }

            var attributeStart = p;
            (p, var attributeColon) = ScanAsciiQName(s, attributeStart);
            if (p < 0)
            {
                return false;
            }

            // Namespace declarations and xml:space change the scope; ReadStartTag handles them.
            var attributeLength = p - attributeStart;
            if (s[attributeStart] == 'x' && attributeLength >= 5 && s.Slice(attributeStart, 3).SequenceEqual("xml")
                && (s[attributeStart + 3] == 'n' || s.Slice(attributeStart, attributeLength).SequenceEqual("xml:space")))
            {
                return false;
            }

            if ((uint)p < (uint)s.Length && s[p] != '=')
            {
                while ((uint)p < (uint)s.Length && s[p] is ' ' or '\n' or '\t' or '\r')
                {
                    p++;
                }
            }

            if ((uint)p >= (uint)s.Length || s[p] != '=')
            {
                return false;
            }

            p++;
            while ((uint)p < (uint)s.Length && s[p] is ' ' or '\n' or '\t' or '\r')
            {
                p++;
            }

            if ((uint)p >= (uint)s.Length)
            {
                return false;
            }

            var quote = s[p];
            if (quote is not ('"' or '\''))
            {
                return false;
            }

            p++;
            while (true)
            {
                var at = FirstValueStopInBlock(s, p, quote);
                if (at < 0)
                {
                    at = s[p..].IndexOfAny(quote == '"' ? DoubleQuotedSkipStops : SingleQuotedSkipStops);
                    if (at < 0)
                    {
                        return false;
                    }

                    at += p;
                }

                p = at;
                var stop = s[p];
                if (stop == quote)
                {
                    p++;
                    break;
                }

                p = stop == '<' ? -1 : SkipValidReference(s, p);
                if (p < 0)
                {
                    return false;
                }
            }

            if (count * 3 == names.Length)
            {
                Array.Resize(ref _skipNames, names.Length * 2);
                names = _skipNames;
            }

            names[count * 3] = attributeStart;
            names[(count * 3) + 1] = attributeLength;
            names[(count * 3) + 2] = attributeColon;
            count++;
        }

        // Namespaces in XML §5: every prefix declared; XML 1.0 §3.1 and Namespaces in XML §6.3: no attribute twice,
        // by qualified name or by expanded name. A pair with one local name and different prefixes is left to ReadStartTag.
        var ns = colon < 0 ? _emptyPrefix.Uri ?? "" : PrefixUri(s, nameStart, colon);
        if (ns is null)
        {
            return false;
        }

        for (var i = 0; i < count; i++)
        {
            var start = names[i * 3];
            var length = names[(i * 3) + 1];
            var at = names[(i * 3) + 2];
            if (at >= 0 && PrefixUri(s, start, at) is null)
            {
                return false;
            }

            var localStart = at < 0 ? start : at + 1;
            var local = s[localStart..(start + length)];
            for (var j = 0; j < i; j++)
            {
                var otherStart = names[j * 3];
                var otherAt = names[(j * 3) + 2];
                var otherLocalStart = otherAt < 0 ? otherStart : otherAt + 1;
                var otherLocal = s[otherLocalStart..(otherStart + names[(j * 3) + 1])];
                if (local.Length == otherLocal.Length && local[^1] == otherLocal[^1] && local.SequenceEqual(otherLocal)
                    && (at < 0) == (otherAt < 0))
                {
                    return false;
                }
            }
        }

        _pos = p;
        if (!empty)
        {
            if (_depth == _frames.Length)
            {
                Array.Resize(ref _frames, _depth * 2);
            }

            // No namespace kept: nothing reads the end tag of an element inside a skipped subtree (and no write barrier).
            _frames[_depth] = new Frame(tagStart, nameStart, nameLength, colon, _bindingCount, _frames[_depth - 1].PreserveSpace, null!);
            _depth++;
        }

        return true;
    }

    /// <summary>At <c>&lt;/</c> inside a skipped subtree: closes the open element when the end tag repeats its name exactly; false, with nothing moved, when the tag needs <see cref="ReadEndTag"/>.</summary>
    private bool TrySkipEndTag(ReadOnlySpan<char> s)
    {
        ref var open = ref _frames[_depth - 1];
        var close = _pos + 2 + open.NameLength;
        if (close >= _end || s[close] != '>' || !s.Slice(_pos + 2, open.NameLength).SequenceEqual(s.Slice(open.NameStart, open.NameLength)))
        {
            return false;
        }

        _pos = close + 1;
        PopElement();
        return true;
    }

    /// <summary>Scans an all-ASCII qualified name with at most one colon inside it: where it ends (-1 when the name needs the full scanner) and its colon's index (-1 for none).</summary>
    /// <remarks>Positions go in and out by value: a position passed by reference would live in memory for the whole caller.</remarks>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static (int End, int Colon) ScanAsciiQName(ReadOnlySpan<char> s, int p)
    {
        if ((uint)p >= (uint)s.Length || !IsAsciiNameStart(s[p]))
        {
            return (-1, -1);
        }

        var end = EndOfAsciiName(s, p + 1, out var colons);
        if (end >= 0)
        {
            if (s[end] >= 128)
            {
                return (-1, -1);
            }

            if (colons == 0)
            {
                return (end, -1);
            }

            // Namespaces in XML §4: one colon at most, with a name start character after it.
            var at = p + 1 + BitOperations.TrailingZeroCount(colons);
            return BitOperations.IsPow2(colons) && at + 1 < end && IsAsciiNameStart(s[at + 1]) ? (end, at) : (-1, -1);
        }

        var table = AsciiNameChars;
        var colon = -1;
        p++;
        while ((uint)p < (uint)s.Length)
        {
            var c = s[p];
            if (c < 128 && table[c] != 0)
            {
                p++;
                continue;
            }

            if (c == ':' && colon < 0 && (uint)(p + 1) < (uint)s.Length && IsAsciiNameStart(s[p + 1]))
            {
                colon = p;
                p += 2;
                continue;
            }

            return c < 128 && c != ':' ? (p, colon) : (-1, -1);
        }

        return (-1, -1);
    }

    /// <summary>The namespace a prefix is bound to, or null when it is not declared.</summary>
    private string? PrefixUri(ReadOnlySpan<char> s, int nameStart, int colon)
    {
        var text = s[nameStart..colon];
        var prefix = _lastPrefix;
        if (prefix is null || !text.SequenceEqual(prefix.Text))
        {
            prefix = _lastPrefix = _names.Get(text);
        }

        return prefix.Uri;
    }

    /// <summary>At <c>&amp;</c>: where the predefined entity or allowed character reference there ends (XML 1.0 §4.1), or -1 when there is none.</summary>
    private static int SkipValidReference(ReadOnlySpan<char> s, int p)
    {
        var rest = s[(p + 1)..];
        var semicolon = rest[..Math.Min(rest.Length, 12)].IndexOf(';');
        if (semicolon <= 0)
        {
            return -1;
        }

        var body = rest[..semicolon];
        var valid = body[0] == '#' ? body.Length > 1 && DecodeCharReference(body) >= 0 : PredefinedEntity(body) != '\0';
        return valid ? p + semicolon + 2 : -1;
    }
}
