using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;

namespace Crm.Bpm.Engine.Xml;

/// <summary>Sixteen characters at a time: the end of an ASCII name and the end of a short attribute value, found without a call into a general search.</summary>
/// <remarks>
/// Names and most attribute values are shorter than sixteen characters, so one block usually settles them; a general
/// vector search costs more to set up than that, and a character loop is slower for all but the shortest.
/// </remarks>
internal sealed partial class XmlScanner
{
    /// <summary>From <paramref name="p"/>, the index of the first character that is not an ASCII name character or ':' (XML 1.0 §2.3 [4], below 128), and a mask of the colons before it.</summary>
    /// <returns>The index, or -1 when fewer than sixteen characters remain to look at (the caller then walks them).</returns>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static int EndOfAsciiName(ReadOnlySpan<char> s, int p, out uint colons)
    {
        colons = 0;
        if (!Vector256.IsHardwareAccelerated)
        {
            return -1;
        }

        ref var start = ref Unsafe.As<char, ushort>(ref MemoryMarshal.GetReference(s));
        var offset = p;
        while (offset + Vector256<ushort>.Count <= s.Length)
        {
            var v = Vector256.LoadUnsafe(ref start, (nuint)offset);
            var letter = Vector256.LessThanOrEqual((v | Vector256.Create((ushort)0x20)) - Vector256.Create((ushort)'a'), Vector256.Create((ushort)('z' - 'a')));
            var digitDashDot = Vector256.LessThanOrEqual(v - Vector256.Create((ushort)'-'), Vector256.Create((ushort)('9' - '-'))) & ~Vector256.Equals(v, Vector256.Create((ushort)'/'));
            var colon = Vector256.Equals(v, Vector256.Create((ushort)':'));
            var name = letter | digitDashDot | colon | Vector256.Equals(v, Vector256.Create((ushort)'_'));
            var stops = ~name.ExtractMostSignificantBits() & 0xFFFF;
            if (stops != 0)
            {
                var at = BitOperations.TrailingZeroCount(stops);
                colons |= (colon.ExtractMostSignificantBits() & ((1u << at) - 1)) << (offset - p);
                return offset + at;
            }

            if (offset - p >= 16)
            {
                // Names this long are rare; past 32 characters the colon mask no longer fits, so leave them to the walk.
                return -1;
            }

            colons |= colon.ExtractMostSignificantBits() << (offset - p);
            offset += Vector256<ushort>.Count;
        }

        return -1;
    }

    /// <summary>From <paramref name="p"/>, the index of the first <paramref name="quote"/>, '&lt;' or '&amp;' within sixteen characters, or -1 when there is none there (or too little input to look).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static int FirstValueStopInBlock(ReadOnlySpan<char> s, int p, char quote)
    {
        if (!Vector256.IsHardwareAccelerated || p + Vector256<ushort>.Count > s.Length)
        {
            return -1;
        }

        var v = Vector256.LoadUnsafe(ref Unsafe.As<char, ushort>(ref MemoryMarshal.GetReference(s)), (nuint)p);
        var hits = Vector256.Equals(v, Vector256.Create((ushort)quote)) | Vector256.Equals(v, Vector256.Create((ushort)'<')) | Vector256.Equals(v, Vector256.Create((ushort)'&'));
        var mask = hits.ExtractMostSignificantBits();
        return mask == 0 ? -1 : p + BitOperations.TrailingZeroCount(mask);
    }

    /// <summary>From <paramref name="p"/>, the index of the first '&lt;', '&amp;' or ']' (the stops in character data) within 32 characters, or -1 when there is none there (or too little input to look).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static int FirstTextStopInBlocks(ReadOnlySpan<char> s, int p)
    {
        if (!Vector256.IsHardwareAccelerated)
        {
            return -1;
        }

        ref var start = ref Unsafe.As<char, ushort>(ref MemoryMarshal.GetReference(s));
        for (var offset = p; offset - p < 32 && offset + Vector256<ushort>.Count <= s.Length; offset += Vector256<ushort>.Count)
        {
            var v = Vector256.LoadUnsafe(ref start, (nuint)offset);
            var hits = Vector256.Equals(v, Vector256.Create((ushort)'<')) | Vector256.Equals(v, Vector256.Create((ushort)'&')) | Vector256.Equals(v, Vector256.Create((ushort)']'));
            var mask = hits.ExtractMostSignificantBits();
            if (mask != 0)
            {
                return offset + BitOperations.TrailingZeroCount(mask);
            }
        }

        return -1;
    }

    /// <summary>From <paramref name="p"/>, the index of the first character that is not XML white space (XML 1.0 §2.3 [3]) within 32 characters, or -1 when there is none there (or too little input to look).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static int FirstNonWhitespaceInBlocks(ReadOnlySpan<char> s, int p)
    {
        if (!Vector256.IsHardwareAccelerated)
        {
            return -1;
        }

        ref var start = ref Unsafe.As<char, ushort>(ref MemoryMarshal.GetReference(s));
        for (var offset = p; offset - p < 32 && offset + Vector256<ushort>.Count <= s.Length; offset += Vector256<ushort>.Count)
        {
            var v = Vector256.LoadUnsafe(ref start, (nuint)offset);
            var space = Vector256.Equals(v, Vector256.Create((ushort)' ')) | Vector256.Equals(v, Vector256.Create((ushort)'\n'))
                | Vector256.Equals(v, Vector256.Create((ushort)'\t')) | Vector256.Equals(v, Vector256.Create((ushort)'\r'));
            var mask = ~space.ExtractMostSignificantBits() & 0xFFFF;
            if (mask != 0)
            {
                return offset + BitOperations.TrailingZeroCount(mask);
            }
        }

        return -1;
    }

    /// <summary>From <paramref name="p"/>, the index of the first <paramref name="quote"/>, '&lt;', '&amp;', tab, CR or LF (the stops in an attribute value) within sixteen characters, or -1 when there is none there (or too little input to look).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static int FirstAttributeStopInBlock(ReadOnlySpan<char> s, int p, char quote)
    {
        if (!Vector256.IsHardwareAccelerated || p + Vector256<ushort>.Count > s.Length)
        {
            return -1;
        }

        var v = Vector256.LoadUnsafe(ref Unsafe.As<char, ushort>(ref MemoryMarshal.GetReference(s)), (nuint)p);
        var hits = Vector256.Equals(v, Vector256.Create((ushort)quote)) | Vector256.Equals(v, Vector256.Create((ushort)'<')) | Vector256.Equals(v, Vector256.Create((ushort)'&'))
            | Vector256.Equals(v, Vector256.Create((ushort)'\t')) | Vector256.Equals(v, Vector256.Create((ushort)'\r')) | Vector256.Equals(v, Vector256.Create((ushort)'\n'));
        var mask = hits.ExtractMostSignificantBits();
        return mask == 0 ? -1 : p + BitOperations.TrailingZeroCount(mask);
    }
}
