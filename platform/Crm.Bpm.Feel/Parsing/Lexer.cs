using System.Globalization;
using System.Text;

namespace Crm.Bpm.Feel.Parsing;

/// <summary>Splits FEEL text into tokens, reading names with spaces or operator characters that are known in scope as one name.</summary>
/// <remarks>DMN 1.5 §10.3.1.2 (grammar rules 25-30): such names can only be recognised by knowing them in advance.</remarks>
internal sealed class Lexer
{
    private static readonly string[] Operators = ["..", "**", "<=", ">=", "!=", "->", "=", "<", ">", "+", "-", "*", "/", "(", ")", "[", "]", "{", "}", ",", ".", ":"];

    private readonly string _text;
    private readonly KnownNames _names;
    private readonly List<Token> _tokens = [];
    private readonly int[] _lineStarts;

    public Lexer(string text, KnownNames names)
    {
        _text = text;
        _names = names;
        var starts = new List<int> { 0 };
        for (var i = 0; i < text.Length; i++)
        {
            if (text[i] == '\n')
            {
                starts.Add(i + 1);
            }
        }

        _lineStarts = starts.ToArray();
    }

    public List<Token> Tokenize()
    {
        var i = 0;
        while (true)
        {
            i = SkipTrivia(i, out var unterminatedComment);
            if (unterminatedComment >= 0)
            {
                _tokens.Add(Make(TokenKind.Error, "/*", unterminatedComment, _text.Length, "an unterminated comment"));
                i = _text.Length;
            }

            if (i >= _text.Length)
            {
                _tokens.Add(Make(TokenKind.End, string.Empty, _text.Length, _text.Length));
                return _tokens;
            }

            i = Next(i);
        }
    }

    public (int Line, int Column) Position(int offset)
    {
        var line = Array.BinarySearch(_lineStarts, offset);
        if (line < 0)
        {
            line = ~line - 1;
        }

        return (line + 1, offset - _lineStarts[line] + 1);
    }

    private int Next(int i)
    {
        var ch = _text[i];

        // Known names may start with any character that starts a name, and run over spaces and operators.
        if (IsNameStart(ch) || char.IsDigit(ch))
        {
            var known = _names.LongestMatch(_text, i);
            if (known > 0 && (i + known >= _text.Length || !IsNamePart(_text[i + known])))
            {
                _tokens.Add(Make(TokenKind.Name, NormalizeSpaces(_text.Substring(i, known)), i, i + known));
                return i + known;
            }
        }

        if (char.IsAsciiDigit(ch) || (ch == '.' && i + 1 < _text.Length && char.IsAsciiDigit(_text[i + 1])))
        {
            return ReadNumber(i);
        }

        if (ch == '"')
        {
            return ReadString(i, TokenKind.String, i);
        }

        if (ch == '@' && i + 1 < _text.Length && _text[i + 1] == '"')
        {
            return ReadString(i + 1, TokenKind.AtString, i);
        }

        if (IsNameStart(ch))
        {
            var j = i + 1;
            while (j < _text.Length && IsNamePart(_text[j]))
            {
                j++;
            }

            _tokens.Add(Make(TokenKind.Name, _text[i..j], i, j));
            return j;
        }

        foreach (var op in Operators)
        {
            if (string.CompareOrdinal(_text, i, op, 0, op.Length) == 0)
            {
                _tokens.Add(Make(TokenKind.Operator, op, i, i + op.Length));
                return i + op.Length;
            }
        }

        var length = char.IsHighSurrogate(ch) && i + 1 < _text.Length ? 2 : 1;
        _tokens.Add(Make(TokenKind.Error, _text.Substring(i, length), i, i + length, "a character that FEEL does not use"));
        return i + length;
    }

    private int ReadNumber(int i)
    {
        var j = i;
        while (j < _text.Length && char.IsAsciiDigit(_text[j]))
        {
            j++;
        }

        // "1..3" is a range: the dot belongs to the operator, not the number.
        if (j + 1 < _text.Length && _text[j] == '.' && char.IsAsciiDigit(_text[j + 1]))
        {
            j++;
            while (j < _text.Length && char.IsAsciiDigit(_text[j]))
            {
                j++;
            }
        }

        // DMN 1.5 rule 37: an optional exponent.
        if (j < _text.Length && _text[j] is 'e' or 'E')
        {
            var k = j + 1;
            if (k < _text.Length && _text[k] is '+' or '-')
            {
                k++;
            }

            if (k < _text.Length && char.IsAsciiDigit(_text[k]))
            {
                while (k < _text.Length && char.IsAsciiDigit(_text[k]))
                {
                    k++;
                }

                j = k;
            }
        }

        _tokens.Add(Make(TokenKind.Number, _text[i..j], i, j));
        return j;
    }

    private int ReadString(int quote, TokenKind kind, int start)
    {
        var value = new StringBuilder();
        var j = quote + 1;
        while (j < _text.Length)
        {
            var ch = _text[j];
            if (ch == '"')
            {
                _tokens.Add(Make(kind, _text[start..(j + 1)], start, j + 1, null, value.ToString()));
                return j + 1;
            }

            if (ch == '\\' && j + 1 < _text.Length)
            {
                var esc = _text[j + 1];
                switch (esc)
                {
                    case '"' or '\\' or '\'':
                        value.Append(esc);
                        j += 2;
                        continue;
                    case 'n':
                        value.Append('\n');
                        j += 2;
                        continue;
                    case 'r':
                        value.Append('\r');
                        j += 2;
                        continue;
                    case 't':
                        value.Append('\t');
                        j += 2;
                        continue;
                    case 'u' when TryHex(j + 2, 4, out var code):
                        value.Append((char)code);
                        j += 6;
                        continue;
                    case 'U' when TryHex(j + 2, 6, out var code) && code <= 0x10FFFF:
                        value.Append(char.ConvertFromUtf32(code));
                        j += 8;
                        continue;
                    default:
                        // Other backslashes stay as written, so regular expressions such as "\d{3}" read naturally.
                        value.Append(ch);
                        j++;
                        continue;
                }
            }

            value.Append(ch);
            j++;
        }

        _tokens.Add(Make(TokenKind.Error, _text[start..], start, _text.Length, "an unterminated string (add the closing \")"));
        return _text.Length;
    }

    private bool TryHex(int at, int count, out int code)
    {
        code = 0;
        if (at + count > _text.Length)
        {
            return false;
        }

        return int.TryParse(_text.AsSpan(at, count), NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out code);
    }

    private int SkipTrivia(int i, out int unterminatedComment)
    {
        unterminatedComment = -1;
        while (i < _text.Length)
        {
            if (char.IsWhiteSpace(_text[i]))
            {
                i++;
            }
            else if (_text[i] == '/' && i + 1 < _text.Length && _text[i + 1] == '/')
            {
                while (i < _text.Length && _text[i] != '\n')
                {
                    i++;
                }
            }
            else if (_text[i] == '/' && i + 1 < _text.Length && _text[i + 1] == '*')
            {
                var end = _text.IndexOf("*/", i + 2, StringComparison.Ordinal);
                if (end < 0)
                {
                    unterminatedComment = i;
                    return _text.Length;
                }

                i = end + 2;
            }
            else
            {
                break;
            }
        }

        return i;
    }

    private Token Make(TokenKind kind, string text, int start, int end, string? problem = null, string? value = null)
    {
        var (line, column) = Position(start);
        return new Token(kind, text, start, end, line, column, kind == TokenKind.Error ? problem : value);
    }

    internal static string NormalizeSpaces(string name)
    {
        if (!name.Any(char.IsWhiteSpace))
        {
            return name;
        }

        var text = new StringBuilder();
        var space = false;
        foreach (var ch in name)
        {
            if (char.IsWhiteSpace(ch))
            {
                space = true;
                continue;
            }

            if (space && text.Length > 0)
            {
                text.Append(' ');
            }

            space = false;
            text.Append(ch);
        }

        return text.ToString();
    }

    // DMN 1.5 rule 28 (name start char) and 29 (name part char).
    internal static bool IsNameStart(char ch) =>
        ch is '?' or '_' or (>= 'A' and <= 'Z') or (>= 'a' and <= 'z') ||
        (ch >= '\u00C0' && ch != '\u00D7' && ch != '\u00F7' && !char.IsWhiteSpace(ch) && !char.IsPunctuation(ch) && !char.IsSymbol(ch)) ||
        char.IsSurrogate(ch);

    internal static bool IsNamePart(char ch) =>
        IsNameStart(ch) || char.IsAsciiDigit(ch) || ch is '\u00B7' || (ch >= '\u0300' && ch <= '\u036F') || (ch >= '\u203F' && ch <= '\u2040');
}
